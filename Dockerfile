# QTS container: builds with Maven on JDK 17, runs on a JRE 17 as a non-root user.
# Images are tagged by the commit they were built from, never "latest":
#   docker build -t qts:$(git rev-parse --short HEAD) .
#   docker run --rm -v qts-var:/var/lib/qts -p 127.0.0.1:9464:9464 qts:<sha>              # bin/qts run, ops port 9464
#   docker run --rm -v qts-var:/var/lib/qts qts:<sha> backtest ...                         # any other command
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY journal/pom.xml journal/pom.xml
COPY engine/pom.xml engine/pom.xml
COPY adapters/pom.xml adapters/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY journal/src journal/src
COPY engine/src engine/src
COPY adapters/src adapters/src
COPY bench/src bench/src
COPY config config
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK; the user's id is fixed so Kubernetes (runAsUser 10001) and volumes agree.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 qts \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/qts --create-home qts
WORKDIR /opt/qts
COPY --from=build /src/adapters/target/qts-adapters.jar adapters/target/
COPY --from=build /src/adapters/target/lib adapters/target/lib
COPY --from=build /src/bench/target/qts-bench.jar bench/target/
COPY --from=build /src/bench/target/lib bench/target/lib
COPY bin/qts bin/qts
COPY config config
USER 10001:10001
WORKDIR /var/lib/qts
# Heap from the container's memory limit; a JVM out of memory exits (and is restarted) instead of limping on.
# Logs as JSON lines on stdout (the container runtime's log); ops.logFormat, also --log-format.
ENV QTS_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    QTS_OPS_BIND_ADDRESS=0.0.0.0 \
    QTS_OPS_HTTP_PORT=9464 \
    QTS_OPS_LOG_FORMAT=json
EXPOSE 9464
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:9464/health || exit 1
# Journals and last-run.json go to ./var, i.e. /var/lib/qts/var: mount a volume there.
VOLUME ["/var/lib/qts"]
ENTRYPOINT ["/opt/qts/bin/qts"]
CMD ["run"]
