# Local single-node OpenSearch for development and CI (see tools/opensearch/README.md).
# Included from the top-level Makefile:  include tools/opensearch/opensearch.mk
OPENSEARCH_TOOLS := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

.PHONY: opensearch opensearch-stop opensearch-smoke

opensearch: ## Start OpenSearch on 127.0.0.1:$OPENSEARCH_PORT (default 9200), data in var/opensearch
	bash $(OPENSEARCH_TOOLS)/start.sh

opensearch-stop: ## Stop the OpenSearch started by `make opensearch`
	bash $(OPENSEARCH_TOOLS)/stop.sh

opensearch-smoke: ## Check the running OpenSearch (analyzers, aggregations, highlight, alias swap)
	$(or $(BIN),.venv/bin)/python $(OPENSEARCH_TOOLS)/smoke.py
