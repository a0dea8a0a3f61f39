"""One vocabulary for the names of settings, shared by the paper side and the code side:
`learning rate`, `lr`, `base_lr` and a symbol the paper defines as the learning rate all
become `learning_rate`. A name outside the vocabulary keeps a normalised spelling of its
own (`Ts,min` → `ts_min`, `µtrue` → `mu_true`, `∆t` → `dt`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

# names are matched pairwise (every paper setting against every code parameter): the pure
# string functions below are cached, since the same names recur thousands of times
CACHED = 1 << 16


def words(text: str) -> list[str]:
    """The whitespace-separated words of a word list written as one string."""
    return text.split()


@dataclass(frozen=True)
class Concept:
    """A canonical setting: the phrases papers use, the identifiers code uses."""

    key: str
    phrases: tuple[str, ...]
    code: tuple[str, ...] = ()


# key | phrases in prose (`;`-separated) | identifiers in code
_TABLE = """
learning_rate | learning rate; initial learning rate; base learning rate; peak learning rate; maximum learning rate; step size; lr | lr learning_rate base_lr init_lr initial_lr lr_max max_lr peak_lr lr0 learningrate
min_learning_rate | minimum learning rate; final learning rate; min lr | min_lr lr_min eta_min final_lr end_lr min_learning_rate lr_end minimum_lr final_learning_rate
batch_size | batch size; mini-batch size; minibatch size; (mini)batch size; size of the batch; batch | bs batch_size batchsize train_batch_size per_device_train_batch_size mb_size minibatch_size mini_batch_size n_batch
iterations | number of iterations; iterations; training steps; gradient steps; optimization steps; optimisation steps; gradient descent iterations; total steps; training iterations; steps; updates; number of training steps | num_iter n_iter n_iters num_iters iterations num_iterations max_iter max_iters total_steps num_steps n_steps max_steps train_steps training_steps num_train_steps num_training_steps niter iters steps n_iterations iter_max max_iterations
epochs | epochs; number of epochs; training epochs | epochs num_epochs n_epochs max_epochs epoch nepochs train_epochs
seq_len | sequence length; subsequence length; length of subsequences; seq. length; fitting seq. length; fitting sequence length; context length; window length; length of the subsequences; seq len; seq fit len; sequence len | seq_len sequence_length seq_length subseq_len context_length seq_fit_len max_seq_len max_seq_length window_len block_size
hidden_size | hidden units; hidden nodes; hidden neurons; hidden size; hidden dimension; hidden layer; hidden linear units; units per hidden layer; hidden layer size | hidden_size hidden_dim n_hidden n_feat hidden_units num_hidden hidden nh hidden_layer_size n_hid hidden_features
d_model | model dimension; embedding dimension; dmodel; d model; width | d_model embed_dim n_embd emb_dim model_dim embedding_dim
d_ff | dff; feed-forward dimension; feedforward dimension; ffn dimension; d ff | d_ff ffn_dim dim_feedforward intermediate_size d_inner ff_dim
d_head | dhead; head dimension; per-head dimension; d head | d_head head_dim dim_head
num_layers | layers; nlayers; number of layers; transformer layers; n layers; depth | num_layers n_layers n_layer layers depth nlayers num_hidden_layers
num_heads | heads; attention heads; nheads; number of heads; n heads | num_heads n_heads n_head heads nhead num_attention_heads
weight_decay | weight decay; l2 penalty; l2 regularization; l2 regularisation | wd weight_decay l2 l2_penalty l2_reg weightdecay
dropout | dropout rate; dropout probability; dropout | dropout dropout_rate drop_rate p_dropout dropout_p drop_prob
momentum | momentum | momentum
label_smoothing | label smoothing | label_smoothing smoothing label_smooth
warmup_steps | warmup steps; warm-up steps; linear warmup; warmup; warm-up | warmup_steps warmup_iters num_warmup_steps warmup n_warmup warmup_iterations t_warm twarm
warmup_epochs | warmup epochs; warm-up epochs | warmup_epochs warmup_epoch
gradient_clipping | gradient clipping; gradient norm clipping; max gradient norm; gradient clipping at norm; clipping threshold; gradient clip | grad_clip clip_grad max_grad_norm clip_norm gradient_clip_val clip_grad_norm grad_norm_clip clip
beta1 | β1; beta1; beta 1 | beta1 b1 adam_beta1
beta2 | β2; beta2; beta 2 | beta2 b2 adam_beta2
epsilon | adam epsilon; epsilon | eps epsilon adam_eps adam_epsilon
temperature | temperature; sampling temperature | temperature temp
seed | random seed; seed | seed random_seed rng_seed manual_seed
repetitions | trials; repetitions; runs; seeds; random seeds; independent runs; repeats; replicates; replications; restarts | n_replications num_replications n_runs num_runs n_seeds num_seeds n_trials num_trials repetitions n_rep n_reps num_reps nreps reps n_replicates num_replicates n_repetitions replicates n_repeats num_repeats nruns trials seeds runs
samples_per_prompt | samples per prompt; completions per prompt; generations per prompt; rollouts per prompt; responses per prompt; group size | num_generations n_generations samples_per_prompt num_samples_per_prompt group_size n_samples_per_prompt num_completions rollouts_per_prompt n_rollouts
max_tokens | token budget; token length limit; token limit; max tokens; maximum tokens; generation length; maximum generation length; max new tokens; response budget; response length; maximum response length; tokens | max_tokens max_new_tokens max_completion_length max_gen_len max_response_length token_budget max_length max_gen_tokens resp_len response_len max_response_len max_resp_len rollout_max_response_len
num_envs | environments; parallel environments; number of environments | num_envs n_envs n_envs_per_worker num_environments envs num_env n_env
oversampling | oversampling; oversampling factor; oversample | oversampling oversample oversampling_factor over_sampling
data_size | training examples; training samples; examples; training set size; training data samples; number of training examples | data_size n_train num_train train_size num_examples n_examples num_train_examples dataset_size train_samples
eval_size | evaluation examples; test examples; fresh examples; held-out examples; validation examples | eval_size n_eval num_eval eval_samples test_size n_test
max_time | training time; time budget; max time; train time; wall-clock budget | max_time time_budget train_time max_seconds timeout
max_samples | maximum samples; maximum number of samples; maximum of samples | max_n max_samples n_max max_num_samples nmax max_n_samples
n_samples | samples; points; data points; number of samples | n_samples num_samples nsamples n_points num_points n_data
init_std | standard deviation of the initial weights; initialization std; init std | init_std initializer_range std_init init_scale
vocab_size | vocabulary size; vocabulary; vocab size | vocab_size vocabulary_size n_vocab ntokens
n_walkers | walkers; number of walkers; ensemble walkers | nwalkers n_walkers num_walkers walkers
n_chains | chains; number of chains; mcmc chains | nchains n_chains num_chains chains
n_particles | particles; number of particles | nparticles n_particles num_particles particles n_part
n_folds | folds; number of folds; cross-validation folds | n_folds nfolds num_folds folds k_folds n_splits cv
n_estimators | trees; number of trees | n_estimators n_trees num_trees ntrees
top_p | top-p; nucleus sampling; top p | top_p
top_k | top-k; top k | top_k
log_interval | printed every; logged every; reported every; displayed every; logging interval | print_every log_every log_interval log_freq print_freq log_frequency logging_steps log_steps display_step print_interval
eval_interval | evaluated every; validated every; evaluation interval; validation interval | eval_every eval_interval eval_freq eval_steps val_every val_freq val_interval validate_every valid_every validation_freq test_every test_interval
save_interval | saved every; checkpointed every; checkpoint interval | save_every save_interval save_freq save_steps checkpoint_every checkpoint_interval checkpoint_freq ckpt_every
"""
CONCEPTS: tuple[Concept, ...] = tuple(
    Concept(key.strip(), tuple(p.strip() for p in phrases.split(";")), tuple(code.split()))
    for key, phrases, code in (line.split("|") for line in _TABLE.strip().splitlines())
)

_GREEK = dict(
    zip(
        "αβγδεϵζηθικλµμνξπρστυφϕχψωΓΛΣΦΩΘ∆Δ",
        words(
            "alpha beta gamma delta epsilon epsilon zeta eta theta iota kappa lambda mu mu nu xi pi rho sigma tau upsilon phi phi chi psi omega gamma lambda sigma phi omega theta d d"
        ),
        strict=True,
    )
)
_PHRASE_TO_KEY: dict[str, str] = {p: c.key for c in CONCEPTS for p in c.phrases}
_CODE_TO_KEY: dict[str, str] = {}
for _c in CONCEPTS:
    for _name in _c.code:
        _CODE_TO_KEY.setdefault(_name, _c.key)
_PHRASES_LONGEST = sorted(_PHRASE_TO_KEY, key=len, reverse=True)
_PAREN_RE = re.compile(r"\([^)]*\)")


@lru_cache(maxsize=CACHED)
def transliterate(text: str) -> str:
    """Greek letters spelled out (`λ` → `lambda`, `∆t` → `dt`), accents dropped from Latin
    letters (`ö` → `o`); letters of other scripts kept whole (`й` stays `й`)."""
    out = []
    for ch in text:
        if ch in _GREEK:
            word = _GREEK[ch]
            out.append(word if word == "d" else f" {word} ")
            continue
        flat = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in flat if not unicodedata.combining(c))
        out.append(base if base.isascii() else ch)
    return "".join(out)


# a run of letters of any script, or of ASCII digits (not `²`, not `_`)
_NAME_WORD = re.compile(r"(?:[^\W\d_]|[0-9])+")


@lru_cache(maxsize=CACHED)
def snake(text: str) -> str:
    """`Ts,min` → `ts_min`; `µtrue` → `mu_true`; `Learning Rate` → `learning_rate`;
    `Доля признаков` → `доля_признаков` (names in any script keep their letters)."""
    return "_".join(_NAME_WORD.findall(transliterate(text).lower()))


# a word before a known phrase that makes it a different setting (`validation batch size`)
QUALIFIERS = set(
    words(
        """
estimation estimator validation val test testing eval evaluation encoder decoder actor critic
generator discriminator inner outer student teacher target policy value reward pretraining
pre-training finetuning fine-tuning auxiliary meta local global prior posterior
"""
    )
)


# the keys that count things or size a model: a value with a physical unit is never one
# of them (`a depth of 900 m` is no number of layers, `a width of 5 cm` no model width)
COUNTED_KEYS = frozenset(
    words(
        """
num_layers num_heads d_model d_ff d_head hidden_size batch_size epochs iterations
repetitions num_envs vocab_size n_walkers n_chains n_particles n_folds n_estimators
samples_per_prompt data_size eval_size n_samples max_samples warmup_steps warmup_epochs
"""
    )
)


@lru_cache(maxsize=CACHED)
def phrase_key(phrase: str) -> str | None:
    """The canonical key of a prose phrase that names a known setting, or None.

    A distinguishing word just before the known phrase makes a different key:
    `validation batch size` is `validation_batch_size`, not `batch_size`. The phrase is
    the name's head: at most one word (a symbol, `learning rate η`) may follow it."""
    low = " " + " ".join(_PAREN_RE.sub(" ", phrase.lower()).replace("_", " ").split()) + " "
    low = low.replace("-", " ").replace("  ", " ")
    for p in _PHRASES_LONGEST:
        q = p.replace("-", " ")
        at = low.find(f" {q} ")
        if at < 0:
            continue
        before, after = low[:at].split(), low[at + len(q) + 2 :].split()
        if len(after) > 1:
            continue  # the phrase is not the name's head ("depth must be brighter than T")
        if before and before[-1] in QUALIFIERS:
            return f"{before[-1]}_{_PHRASE_TO_KEY[p]}"
        return _PHRASE_TO_KEY[p]
    return None


@lru_cache(maxsize=CACHED)
def code_key(identifier: str) -> str:
    """The canonical key of a code identifier (`--batch-size`, `optim.lr`, `LR`)."""
    last = identifier.lstrip("-").split(".")[-1]
    low = last.lower().replace("-", "_")
    return _CODE_TO_KEY.get(low, low)


def is_known_code_name(identifier: str) -> bool:
    """True when the identifier spells a setting of the vocabulary."""
    last = identifier.lstrip("-").split(".")[-1].lower().replace("-", "_")
    return last in _CODE_TO_KEY


@lru_cache(maxsize=CACHED)
def code_aliases(key: str) -> tuple[str, ...]:
    """The code identifiers that spell a canonical key (empty for keys outside the vocabulary)."""
    return next((c.code for c in CONCEPTS if c.key == key), ())
