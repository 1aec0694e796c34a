# syntax=docker/dockerfile:1
# pullsync agent image. Build from the repository root:
#   docker build -t pullsync:dev .
# Runs as a non-root numeric user, needs no shell, and works with a read-only root file system
# as long as /tmp is writable (an emptyDir in examples/deploy/deployment.yaml).

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY config-schema config-schema
COPY agent agent
COPY examples examples
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# A fixed numeric UID/GID so runAsNonRoot can verify it without /etc/passwd lookups.
USER 10001:10001
WORKDIR /app
COPY --from=build --chown=0:0 /src/agent/target/pullsync.jar /app/pullsync.jar
EXPOSE 8080
# Exec form: no shell. Heap follows the container's memory limit; an OOM exits so the kubelet
# restarts the pod instead of leaving a wedged JVM; temp files go to the writable /tmp.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "-jar", "/app/pullsync.jar"]
CMD ["run", "--config", "/etc/pullsync/config/config.yaml"]
