# Every target sets up its own virtual environment: a fresh machine needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
GEN    := spectrocoin_async/_generated
PORT   ?= 0

NODE_DIR   := build/node
NODE_STAMP := $(NODE_DIR)/.installed-stamp

.PHONY: docs install generate changes check-generated check-install lint typecheck pytest test conformance demo bench sandbox clean node-tools

# Every user extra of pyproject.toml, read from it (a new extra needs no edit here).
EXTRAS = $(shell $(PYTHON) -c "import tomllib; \
	print(','.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']))")

# The development tools are a PEP 735 dependency group, which pip installs from 25.1 on.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@echo "==> installing pip 25.1+ and the project with [$(EXTRAS)] and the dev group into $(VENV)/"
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --progress-bar on -e ".[$(EXTRAS)]" --group dev
	touch $(STAMP)

install: $(STAMP)

## Regenerate the generated package from openapi.yaml, generator-config.yml and custom/.
generate: $(STAMP)
	$(PY) custom/generate.py $(GEN)

## What a change means for users: openapi.yaml and the package's Python surface against BASE (default:
## the newest release tag vX.Y.Z, or HEAD before the first release). Ends in a verdict and the version
## the change needs; fails when it is breaking and pyproject.toml or CHANGELOG.md did not follow.
## CHANGELOG=1 writes the report as a draft under "Unreleased" in CHANGELOG.md.
changes: $(STAMP)
	$(PY) custom/changes.py $(if $(BASE),--base $(BASE)) $(if $(CHANGELOG),--changelog)

## Regenerate into a scratch folder and fail on any byte of difference from the committed tree.
check-generated: $(STAMP)
	rm -rf build/check-generated
	$(PY) custom/generate.py build/check-generated/_generated
	diff -r -x __pycache__ build/check-generated/_generated $(GEN)
	@echo "generated code matches openapi.yaml + custom/"

LINTED := spectrocoin_async custom tests $(wildcard bench examples)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)

typecheck: $(STAMP)
	$(VENV)/bin/mypy spectrocoin_async custom tests bench examples

## Third-party checkers run by the tests (Prism, Redocly, Spectral). Pinned in tests/node/package.json, installed
## into build/node and reused between runs. Without npm: a loud notice, and the Prism tests skip.
$(NODE_STAMP): tests/node/package.json
	@if command -v npm >/dev/null 2>&1; then \
		echo "installing the pinned Node.js test tools (Prism, Redocly, Spectral) into $(NODE_DIR) ..."; \
		mkdir -p $(NODE_DIR) && cp tests/node/package.json $(NODE_DIR)/package.json && \
		npm install --prefix $(NODE_DIR) --no-audit --no-fund --no-package-lock \
			--loglevel=error && touch $@; \
	else \
		echo "*******************************************************************************"; \
		echo "* Node.js/npm NOT FOUND: SKIPPED tests/conformance/test_prism.py (every operation    *"; \
		echo "* against Stoplight Prism) and tests/conformance/test_spec_linters.py (Redocly,  *"; \
		echo "* Spectral lint).                                                             *"; \
		echo "* Install Node.js to run them.                                                  *"; \
		echo "*******************************************************************************"; \
	fi

node-tools: $(NODE_STAMP)

pytest: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -rs -o console_output_style=count

## `python -m build` makes the sdist and the wheel, `twine check --strict` checks their metadata as
## PyPI would, and both carry LICENSE (tests/support/dist.py). A clean virtual environment with
## only the built wheel (no generator, no dev tools) imports the package, and the wheel carries
## the spec the sandbox needs and the py.typed marker. Then, with the extras and the pinned mypy
## added, users' own programs and the README blocks pass `mypy --strict` against the installed
## wheel, every `reveal_type` as expected (tests/docs/check_user_programs.py,
## tests/docs/user_programs/).
CHECK_VENV := build/check-install/venv
MYPY_PIN   := $(shell grep -o '"mypy==[^"]*"' pyproject.toml | tr -d '"')

check-install: $(STAMP)
	rm -rf build/check-install && mkdir -p build/check-install
	$(PY) -m build --outdir build/check-install/dist . >build/check-install/build.log 2>&1 \
		|| { cat build/check-install/build.log; exit 1; }
	$(VENV)/bin/twine check --strict build/check-install/dist/*
	$(PY) tests/support/dist.py build/check-install/dist
	$(PYTHON) -m venv $(CHECK_VENV)
	$(CHECK_VENV)/bin/pip install --quiet build/check-install/dist/*.whl
	cd build && check-install/venv/bin/python -c "import spectrocoin_async as s, pathlib; \
		assert (pathlib.Path(s.__file__).parent / 'sandbox' / 'openapi.yaml').is_file(); \
		assert (pathlib.Path(s.__file__).parent / 'py.typed').is_file(); \
		from spectrocoin_async._redis import scripts; assert 'redis.call' in scripts._RATE.source; \
		print('the built wheel ->', s.__version__, s.SpectroCoinClient(), s.Order.__name__)"
	$(CHECK_VENV)/bin/pip install --quiet "$$(echo build/check-install/dist/*.whl)[cli,sandbox,callbacks]" "$(MYPY_PIN)"
	$(CHECK_VENV)/bin/python tests/docs/check_user_programs.py

## The documentation site, into build/site: guides from the README's sections, the API reference,
## model and Evidence pages written from openapi.yaml and the code (custom/docs_reference.py).
## Strict: a warning fails it.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet
	@echo "documentation site built: build/site/index.html"

test: install check-generated changes lint typecheck check-install docs pytest

## The conformance runs with a larger budget than `make test`: Schemathesis (every phase,
## stateful included, 500 cases per operation) and Prism (static, dynamic, proxy).
conformance: $(STAMP) $(NODE_STAMP)
	SPECTROCOIN_SCHEMATHESIS_MAX_EXAMPLES=500 $(PY) -m pytest -q -rs \
		tests/conformance/test_schemathesis.py tests/conformance/test_prism.py

## The demo needs the runtime and the sandbox extra only, not the dev toolchain. A checkout that
## already ran `make install` reuses that environment.
DEMO_EXTRAS := sandbox,cli
DEMO_STAMP  := $(VENV)/.demo-stamp

$(DEMO_STAMP): pyproject.toml
	@echo "==> make demo: creating the virtual environment $(VENV)/"
	$(PYTHON) -m venv $(VENV)
	@echo "==> make demo: installing spectrocoin-async with the [$(DEMO_EXTRAS)] extras"
	@echo "    (httpx, attrs, anyio; starlette, uvicorn, cryptography, pyyaml for the local sandbox;"
	@echo "    cyclopts for the spectrocoin command)"
	$(PY) -m pip install --disable-pip-version-check --progress-bar off -e ".[$(DEMO_EXTRAS)]"
	@echo "==> make demo: installed"
	touch $@

demo: $(if $(wildcard $(STAMP)),$(STAMP),$(DEMO_STAMP))
	$(PY) examples/run_demo.py $(if $(KEEP),--keep)

bench: $(STAMP)
	$(PY) bench/run.py

sandbox: $(STAMP)
	$(VENV)/bin/spectrocoin-sandbox --host 127.0.0.1 --port $(PORT)

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache
