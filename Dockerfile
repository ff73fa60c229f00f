# Builds and runs Relation. Used by docker-compose.yml.
# Two images: "app" (the default, last stage) is the production jar alone; "demo" adds the demo-data module
# (crm-demo, never inside relation.jar) for trying Relation with SPRING_PROFILES_ACTIVE=demo.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre AS base
RUN useradd --system --uid 10001 relation
USER relation
COPY --from=build /src/crm-web/target/relation.jar /app/relation.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/relation.jar"]

FROM base AS demo
COPY --from=build /src/crm-demo/target/crm-demo.jar /app/demo/crm-demo.jar
# relation.jar starts with Spring Boot's PropertiesLauncher, which adds LOADER_PATH to the classpath
ENV LOADER_PATH=/app/demo/crm-demo.jar

FROM base AS app
