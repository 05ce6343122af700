# SpecGate container image: `docker build -t specgate .` then
#   docker run --rm -v "$PWD:/work" -w /work specgate run specs/calcom/suite.yaml --base-url https://api.example
# Stage 1 builds the same release binary as `make release` (Swift standard library linked statically);
# stage 2 is a slim Debian with only what that binary needs at run time.

FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libxml2-dev pkg-config make git \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies first so the layer is cached while only sources change.
COPY Package.swift ./
RUN swift package resolve
COPY . .
# make release writes dist/specgate-<version>-linux-<arch>.tar.gz and fails if the binary links the Swift runtime.
RUN make release && mkdir -p /out && tar -xzf dist/specgate-*-linux-*.tar.gz -C /out --strip-components=1

FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libxml2 ca-certificates libstdc++6 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 specgate
COPY --from=build /out/specgate /usr/local/bin/specgate
USER specgate
WORKDIR /work
ENTRYPOINT ["specgate"]
CMD ["--help"]
