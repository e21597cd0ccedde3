# Targets: build, test, lint, demo. POSIX make; needs Go on PATH.
# `make test` and `make demo` run scripts/setup.sh first, which installs
# the PostgreSQL binaries (and make, gcc) with apt-get when missing.
.POSIX:

GO = go

build:
	$(GO) build -o bin/migrate ./cmd/migrate

setup:
	sh scripts/setup.sh

# The packages whose tests take longest go first, so two cores are not left
# finishing one of them alone at the end.
SLOWEST = ./target ./conformance ./introspect . ./autogen ./cli

# -count=1: CI must run the tests, not replay cached results. The packages
# with goroutines (advisory locks, cluster sharing, parallel file reads) run
# again under the race detector.
test: setup tidy
	$(GO) vet ./...
	$(GO) test -count=1 $(SLOWEST) ./...
	$(GO) test -count=1 -race ./runner ./revision ./internal/pgcluster ./internal/pgtest ./internal/dbconn ./fleet ./internal/pgdial

# go.mod and go.sum list exactly what the code imports (needs Go 1.23+).
tidy:
	$(GO) mod tidy -diff

lint: tidy
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt -l: not formatted:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# Upgrades the example project at the repository root (migrate.toml,
# versions/) to head on the embedded database, then shows where it is.
demo: setup build
	bin/migrate upgrade head
	bin/migrate current
	bin/migrate history --verbose

.PHONY: build setup tidy test lint demo

# Benchmarks against Alembic and psql (bench/README.md); writes
# docs/performance.md. Installs Alembic and hyperfine from Debian if missing.
bench:
	bash bench/run.sh

.PHONY: bench
