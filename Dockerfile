# QTS container: builds with Maven on JDK 17, runs on a JRE 17.
#   docker build -t qts .
#   docker run --rm -v qts-var:/var/lib/qts qts                 # bin/qts run on embedded defaults
#   docker run --rm -v qts-var:/var/lib/qts qts backtest ...    # any other command
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
RUN useradd --system --home-dir /var/lib/qts --create-home qts
WORKDIR /opt/qts
COPY --from=build /src/adapters/target/qts-adapters.jar adapters/target/
COPY --from=build /src/adapters/target/lib adapters/target/lib
COPY --from=build /src/bench/target/qts-bench.jar bench/target/
COPY --from=build /src/bench/target/lib bench/target/lib
COPY bin/qts bin/qts
COPY config config
USER qts
WORKDIR /var/lib/qts
# Journals and last-run.json go to ./var, i.e. /var/lib/qts/var: mount a volume there.
VOLUME ["/var/lib/qts"]
ENTRYPOINT ["/opt/qts/bin/qts"]
CMD ["run"]
