using System.Globalization;
using System.Text;

namespace ComposeEcs.Benchmarks;

/// <summary>
/// Writes a large, realistic compose project for benchmarks: anchors and merge keys, interpolation from a <c>.env</c>,
/// an <c>env_file</c> per service, healthchecks, deploy limits. Every 50th service publishes a distinct port so the
/// project also converts.
/// </summary>
public static class GeneratedProject
{
    /// <param name="chain">Each service depends on the one before it (a worst case for the loader and the dependency
    /// checks; deploying it would start the services one after another).</param>
    /// <returns>The path of the written <c>compose.yaml</c>.</returns>
    public static string Write(string directory, int services, bool chain = true)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ".env"), "REGISTRY=ghcr.io/example\nTAG=1.0.0\nLOG_LEVEL=info\n");
        File.WriteAllText(Path.Combine(directory, "common.env"), "# shared settings\nREGION=eu-west-1\nexport FEATURE_FLAGS=\"a,b,c\"\nOTEL_ENDPOINT=http://collector:4317\n");

        var sb = new StringBuilder();
        sb.Append("""
            name: generated
            x-defaults: &defaults
              restart: unless-stopped
              env_file: common.env
              environment: &env
                LOG_LEVEL: ${LOG_LEVEL:-debug}
                TAG: ${TAG}
              healthcheck:
                test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]
                interval: 30s
                timeout: 5s
                retries: 3
              deploy:
                resources:
                  limits: {cpus: "0.25", memory: 512M}
            services:

            """);
        for (var i = 0; i < services; i++)
        {
            var name = "svc" + i.ToString("D4", CultureInfo.InvariantCulture);
            sb.Append($"  {name}:\n");
            sb.Append("    <<: *defaults\n");
            sb.Append($"    image: ${{REGISTRY}}/{name}:${{TAG:-latest}}\n");
            sb.Append("    expose: [\"8080\"]\n");
            if (i % 50 == 0) sb.Append($"    ports: [\"{20000 + i}:8080\"]\n");
            sb.Append("    environment:\n");
            sb.Append($"      SERVICE_NAME: {name}\n");
            sb.Append($"      UPSTREAM: http://svc{((i + 1) % services).ToString("D4", CultureInfo.InvariantCulture)}:8080\n");
            if (chain && i > 0) sb.Append($"    depends_on: [svc{(i - 1).ToString("D4", CultureInfo.InvariantCulture)}]\n");
        }
        var path = Path.Combine(directory, "compose.yaml");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>A typical five-service app (web, api, worker, db, cache).</summary>
    public static string WriteTypical(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ".env"), "TAG=2.3.1\n");
        File.WriteAllText(Path.Combine(directory, "api.env"), "LOG_LEVEL=info\nDATABASE_URL=postgres://shop@db:5432/shop\n");
        var path = Path.Combine(directory, "compose.yaml");
        File.WriteAllText(path, """
            name: shop
            x-app: &app
              restart: unless-stopped
              env_file: api.env
            services:
              web:
                image: ghcr.io/example/web:${TAG}
                ports: ["80:3000"]
                depends_on: [api]
              api:
                <<: *app
                image: ghcr.io/example/api:${TAG}
                expose: ["8080"]
                depends_on:
                  db: {condition: service_healthy}
                  cache: {condition: service_started}
                healthcheck:
                  test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]
                  interval: 15s
                deploy:
                  replicas: 2
                  resources: {limits: {cpus: "1", memory: 2G}}
              worker:
                <<: *app
                image: ghcr.io/example/worker:${TAG}
                command: worker --queue default --concurrency 4
              db:
                image: postgres:16
                environment: {POSTGRES_USER: shop, POSTGRES_DB: shop}
                volumes: [pgdata:/var/lib/postgresql/data]
                healthcheck:
                  test: ["CMD-SHELL", "pg_isready -U shop"]
                  interval: 10s
              cache:
                image: redis:7
                expose: ["6379"]
            volumes:
              pgdata: {}
            """);
        return path;
    }
}
