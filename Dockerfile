# Builds and runs Relation. Used by docker-compose.yml.
# Two images: "app" (the default, last stage) is the production jar alone; "demo" adds the demo-data module
# (crm-demo, never inside relation.jar) for trying Relation with SPRING_PROFILES_ACTIVE=demo.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# The wrapper and the POMs first: Maven and every dependency and plugin are downloaded in a layer of their own, which
# Docker keeps until a POM changes, so a code change rebuilds from the sources below without downloading again.
# (Our own modules are excluded: they are built below, not downloaded.)
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY crm-core/pom.xml crm-core/
COPY crm-persistence/pom.xml crm-persistence/
COPY crm-demo/pom.xml crm-demo/
COPY crm-web/pom.xml crm-web/
RUN ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=org.relationcrm
COPY . .
# no .git in the image (.dockerignore): /actuator/info then shows the version without a commit
RUN ./mvnw -B -q -DskipTests package
# the HEALTHCHECK's probe: plain Java, the JRE image needs no curl or wget
RUN javac --release 21 -d /src/healthcheck docker/HealthCheck.java

FROM eclipse-temurin:21-jre AS base
RUN useradd --system --uid 10001 relation
USER relation
COPY --from=build /src/crm-web/target/relation.jar /app/relation.jar
COPY --from=build /src/healthcheck /app/healthcheck
EXPOSE 8080
# Healthy while the application answers its liveness probe (README, "Operating Relation"); docker-compose.yml asks the
# readiness probe instead (database included). A small JVM, a second or so every 30 s.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", "/app/healthcheck", "HealthCheck"]
ENTRYPOINT ["java", "-jar", "/app/relation.jar"]

FROM base AS demo
COPY --from=build /src/crm-demo/target/crm-demo.jar /app/demo/crm-demo.jar
# relation.jar starts with Spring Boot's PropertiesLauncher, which adds LOADER_PATH to the classpath
ENV LOADER_PATH=/app/demo/crm-demo.jar

FROM base AS app
