# The two commands of the README: `make brief` and `make test`. Both set up what they need.
VENV ?= .venv
STAMP := $(VENV)/.installed

.PHONY: brief test eval fit bench setup clean

brief: $(STAMP)
	$(VENV)/bin/brief build -v

test: $(STAMP)
	$(VENV)/bin/python -m pytest

SHARED ?= ../shared
eval: $(STAMP)
	@if [ -d $(SHARED)/corpus-gold ]; then \
		$(VENV)/bin/brief eval $(SHARED)/corpus-gold $(SHARED)/corpus $(SHARED)/essays; \
	else $(VENV)/bin/brief eval; fi

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/run.py

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install-system-deps
	bash scripts/install-system-deps
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) out/*.pdf out/*.json out/*.html

# Refit the findings ranker on the readers' choices of the real essays in ../shared/corpus (make eval
# scores those leave-one-essay-out; the commissioned essays stay held out).
fit: $(STAMP)
	$(VENV)/bin/brief eval --fit pipeline/analyse/ranker.json $(SHARED)/corpus-gold $(SHARED)/corpus
