"""The MCP server: the query layer over the Model Context Protocol (official `mcp` SDK)."""
