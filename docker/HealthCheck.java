import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK (Dockerfile, docker-compose.yml): asks Relation's health probe on this container and
 * exits 0 if it answers 200 "UP", 1 otherwise. Plain Java, so the check needs no curl or wget in the JRE image.
 * Argument: the probe's path (default /actuator/health/liveness); the port is SERVER_PORT's, else 8080.
 */
public final class HealthCheck {

    public static void main(String[] args) {
        String path = args.length > 0 ? args[0] : "/actuator/health/liveness";
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(4)).GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean up = answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"");
            if (!up) {
                System.err.println(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            System.exit(up ? 0 : 1);
        } catch (Exception unreachable) {
            System.err.println(path + " unreachable: " + unreachable);
            System.exit(1);
        }
    }
}
