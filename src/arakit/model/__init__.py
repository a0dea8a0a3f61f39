"""The typed model of an Ara artifact: one entity type per file, named as the format names it."""

from arakit.model.artifact import Artifact, DocMeta
from arakit.model.base import AraModel, FieldEntity, MdField, Section, SourcePos
from arakit.model.claim import CLAIM_STATUSES, PROVENANCES, Claim
from arakit.model.concept import Concept
from arakit.model.config import ConfigFile, ConfigParam
from arakit.model.document import MarkdownDoc
from arakit.model.evidence import Evidence, EvidenceFile, EvidenceIndex
from arakit.model.experiment import Experiment, Setup
from arakit.model.heuristic import Heuristic
from arakit.model.paper import LayerTable, Paper
from arakit.model.problem import Assumption, Gap, KeyInsight, Observation, Problem
from arakit.model.related_work import RELATION_TYPES, RelatedWork
from arakit.model.run import Expectation, ReproducePlan, Run, Tolerance
from arakit.model.staging import StagedObservation, Staging
from arakit.model.table import Table
from arakit.model.trace import NODE_TYPES, REQUIRED_BY_TYPE, Trace, TraceNode

__all__ = [
    "CLAIM_STATUSES",
    "NODE_TYPES",
    "PROVENANCES",
    "RELATION_TYPES",
    "REQUIRED_BY_TYPE",
    "AraModel",
    "Artifact",
    "Assumption",
    "Claim",
    "Concept",
    "ConfigFile",
    "ConfigParam",
    "DocMeta",
    "Evidence",
    "EvidenceFile",
    "EvidenceIndex",
    "Expectation",
    "Experiment",
    "FieldEntity",
    "Gap",
    "Heuristic",
    "KeyInsight",
    "LayerTable",
    "MarkdownDoc",
    "MdField",
    "Observation",
    "Paper",
    "Problem",
    "RelatedWork",
    "ReproducePlan",
    "Run",
    "Section",
    "Setup",
    "SourcePos",
    "StagedObservation",
    "Staging",
    "Table",
    "Tolerance",
    "Trace",
    "TraceNode",
]
