# Builds and runs Relation. Used by docker-compose.yml.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 relation
USER relation
COPY --from=build /src/crm-web/target/relation.jar /app/relation.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/relation.jar"]
