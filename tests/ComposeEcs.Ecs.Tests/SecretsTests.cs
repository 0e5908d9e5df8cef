using System.Collections.Immutable;
using System.Diagnostics;
using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class SecretsTests
{
    private const string ExternalArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe-AbCdEf";

    private static ComposeProject WithSecrets(ComposeProject project, params Compose.Model.Secret[] secrets) =>
        project with { Secrets = Maps.From(secrets.Select(s => KeyValuePair.Create(s.Key, s))) };

    private static Compose.Model.Secret FileSecret(string key) => new(key) { Name = key, File = $"/work/demo/{key}.txt" };

    private static Service Using(Service service, params FileReference[] references) => service with { Secrets = [.. references] };

    private static Template Ok(ComposeProject project)
    {
        var template = Transform.Ok(project);
        TemplateAssert.Valid(template);
        return template;
    }

    private static MapExpr Init(Template template, string service) =>
        ((ListExpr)template.Properties(LogicalIds.TaskDefinition(service)).At("ContainerDefinitions")!).Items
            .OfType<MapExpr>().Single(c => c["Name"] == new Str(SecretsInit.ContainerName));

    [Fact]
    public void File_secret_is_referenced_by_the_arn_parameter_up_fills_and_its_value_is_nowhere_in_the_template()
    {
        var template = Ok(WithSecrets(Project(Using(Service("app"), new FileReference("db_password"))), FileSecret("db_password")));

        var parameter = template.Parameters["DbpasswordSecretArn"];
        Assert.False(parameter.NoEcho);
        Assert.Equal("String", parameter.Type);
        Assert.Contains("file ./db_password.txt", parameter.Description);
        Assert.Empty(template.OfType("AWS::SecretsManager::Secret"));
        Assert.Equal(Fn.Ref("DbpasswordSecretArn"), Init(template, "app").At("Secrets.0.ValueFrom"));
    }

    [Fact]
    public void Binary_secrets_are_fetched_by_an_aws_cli_init_container_with_the_task_role()
    {
        var project = WithSecrets(Project(Using(Service("app"), new FileReference("db_password"), new FileReference("keystore") { Target = "keys/app.p12", Mode = 256 })),
            FileSecret("db_password"), FileSecret("keystore"));
        var result = ComposeTransform.Convert(project, new TransformOptions { BinarySecrets = ["keystore"] });
        var template = result.Value!;
        TemplateAssert.Valid(template);

        var containers = ((ListExpr)template.Properties(LogicalIds.TaskDefinition("app")).At("ContainerDefinitions")!).Items.OfType<MapExpr>().ToList();
        var fetch = containers.Single(c => c["Name"] == new Str(SecretsFetch.ContainerName));
        var script = ((Str)fetch.At("Command.0")!).Value;
        Assert.Contains("aws secretsmanager get-secret-value --secret-id \"$SECRET_ARN_1\" --query SecretBinary --output text | base64 -d > '/run/secrets/keys/app.p12'", script);
        Assert.Contains("chmod 400 '/run/secrets/keys/app.p12'", script);
        Assert.Equal(Fn.Ref("KeystoreSecretArn"), fetch.At("Environment.1.Value"));
        Assert.Single(((ListExpr)Init(template, "app").At("Secrets")!).Items);
        var app = containers.Single(c => c["Name"] == new Str("app"));
        Assert.Equal(3, ((ListExpr)app.At("DependsOn")!).Items.Length); // secrets init, binary fetch, DNS search domain
        Assert.Equal(Fn.Ref("KeystoreSecretArn"), template.Properties("AppTaskRole").At("Policies.0.PolicyDocument.Statement.0.Resource.0"));
    }

    [Fact]
    public void Environment_secret_works_like_a_file_secret()
    {
        var token = new Compose.Model.Secret("token") { Name = "token", Environment = "API_TOKEN" };
        var template = Ok(WithSecrets(Project(Using(Service("app"), new FileReference("token"))), token));
        Assert.False(template.Parameters["TokenSecretArn"].NoEcho);
        Assert.Contains("environment variable API_TOKEN", template.Parameters["TokenSecretArn"].Description);
    }

    [Fact]
    public void External_secret_is_referenced_by_its_arn_and_not_created()
    {
        var stripe = new Compose.Model.Secret("stripe") { Name = ExternalArn, External = true };
        var template = Ok(WithSecrets(Project(Using(Service("app"), new FileReference("stripe"))), stripe));

        Assert.Empty(template.OfType("AWS::SecretsManager::Secret"));
        Assert.DoesNotContain(template.Parameters, p => p.Value.NoEcho);
        Assert.Equal(new Str(ExternalArn), Init(template, "app").At("Secrets.0.ValueFrom"));
        Assert.Equal(new Str(ExternalArn), template.Properties("AppTaskExecutionRole").At("Policies.0.PolicyDocument.Statement.0.Resource.0"));
    }

    [Fact]
    public void Init_container_writes_secrets_and_the_service_waits_for_it_to_succeed()
    {
        var template = Ok(WithSecrets(Project(Using(Service("app"), new FileReference("db_password"))), FileSecret("db_password")));
        var init = Init(template, "app");
        var app = template.Container("app");

        Assert.Equal(new Bool(false), init["Essential"]);
        Assert.Equal(new Str(SecretsInit.DefaultImage), init["Image"]);
        Assert.Null(init["Environment"]);
        Assert.Equal(new Str("SECRET_1"), init.At("Secrets.0.Name"));
        Assert.Equal(Fn.Ref("DbpasswordSecretArn"), init.At("Secrets.0.ValueFrom"));
        Assert.Contains("> '/run/secrets/db_password'", ((Str)init.At("Command.0")!).Value);
        Assert.Contains(new MapExpr(("Condition", "SUCCESS"), ("ContainerName", SecretsInit.ContainerName)), app.At("DependsOn").Items());
        Assert.Equal(new Bool(true), app.At("MountPoints.0.ReadOnly"));
        Assert.Equal(new Str("/run/secrets"), app.At("MountPoints.0.ContainerPath"));
        Assert.Null(app["Secrets"]);
        var volume = Assert.Single(template.Properties(LogicalIds.TaskDefinition("app")).At("Volumes").Items());
        Assert.Equal(new MapExpr(("Name", SecretsInit.VolumeName)), volume);
    }

    [Fact]
    public void Long_syntax_target_names_the_file()
    {
        var template = Ok(WithSecrets(Project(Using(Service("app"), new FileReference("api_key") { Target = "credentials/api.key", Mode = Convert.ToInt32("440", 8) })),
            FileSecret("api_key")));
        var script = ((Str)Init(template, "app").At("Command.0")!).Value;
        Assert.Contains("mkdir -p '/run/secrets/credentials'", script);
        Assert.Contains("> '/run/secrets/credentials/api.key'", script);
        Assert.Contains("chmod 440 '/run/secrets/credentials/api.key'", script);
    }

    [Fact]
    public void X_aws_keys_passes_each_json_key_through_ecs()
    {
        var database = FileSecret("database") with { Extensions = Ext(("x-aws-keys", List("username", "password"))) };
        var template = Ok(WithSecrets(Project(Using(Service("app"), new FileReference("database") { Target = "db" })), database));
        var init = Init(template, "app");

        Assert.Equal(Fn.Join("", Fn.Ref("DatabaseSecretArn"), ":username::"), init.At("Secrets.0.ValueFrom"));
        Assert.Equal(Fn.Join("", Fn.Ref("DatabaseSecretArn"), ":password::"), init.At("Secrets.1.ValueFrom"));
        var script = ((Str)init.At("Command.0")!).Value;
        Assert.Contains("\"$SECRET_1\" > '/run/secrets/db/username'", script);
        Assert.Contains("\"$SECRET_2\" > '/run/secrets/db/password'", script);
    }

    [Fact]
    public void Execution_role_reads_exactly_the_secrets_its_service_uses()
    {
        var project = WithSecrets(Project(
                Using(Service("api"), new FileReference("shared_key")),
                Using(Service("worker"), new FileReference("shared_key"), new FileReference("worker_only"))),
            FileSecret("shared_key"), FileSecret("worker_only"));
        var template = Ok(project);

        Assert.Equal([Fn.Ref("SharedkeySecretArn")], template.Properties("ApiTaskExecutionRole").At("Policies.0.PolicyDocument.Statement.0.Resource").Items());
        Assert.Equal([Fn.Ref("SharedkeySecretArn"), Fn.Ref("WorkeronlySecretArn")],
            template.Properties("WorkerTaskExecutionRole").At("Policies.0.PolicyDocument.Statement.0.Resource").Items());
        Assert.Equal(new ListExpr("secretsmanager:GetSecretValue"), template.Properties("ApiTaskExecutionRole").At("Policies.0.PolicyDocument.Statement.0.Action"));
    }

    [Fact]
    public void Service_without_secrets_gets_no_init_container_and_no_policy()
    {
        var template = Ok(WithSecrets(Project(Service("web"), Using(Service("app"), new FileReference("db_password"))), FileSecret("db_password")));
        Assert.DoesNotContain(template.Properties(LogicalIds.TaskDefinition("web")).At("ContainerDefinitions").Items(), c => c.At("Name") == new Str(SecretsInit.ContainerName));
        Assert.Null(template.Properties("WebTaskExecutionRole")["Policies"]);
    }

    [Fact]
    public void Init_image_can_be_overridden()
    {
        var project = WithSecrets(Project(Using(Service("app"), new FileReference("token"))), FileSecret("token"))
            .WithExtensions(("x-aws-secrets_init_image", "public.ecr.aws/docker/library/busybox:1.36"));
        Assert.Equal(new Str("public.ecr.aws/docker/library/busybox:1.36"), Init(Ok(project), "app")["Image"]);
    }

    [Fact]
    public void Pull_credentials_become_repository_credentials_the_execution_role_may_read()
    {
        const string arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbC123";
        var template = Ok(Project(Service("app").WithExtensions(("x-aws-pull_credentials", arn))));
        Assert.Equal(new Str(arn), template.Container("app").At("RepositoryCredentials.CredentialsParameter"));
        Assert.Equal(new Str("ReadPullCredentials"), template.Properties("AppTaskExecutionRole").At("Policies.0.PolicyName"));
        Assert.Equal(new Str(arn), template.Properties("AppTaskExecutionRole").At("Policies.0.PolicyDocument.Statement.0.Resource.0"));
    }

    [Fact]
    public void Secret_parameters_lists_what_up_fills()
    {
        var token = new Compose.Model.Secret("token") { Name = "token", Environment = "API_TOKEN" };
        var unused = FileSecret("unused");
        var stripe = new Compose.Model.Secret("stripe") { Name = ExternalArn, External = true };
        var project = WithSecrets(Project(Using(Service("app"), new FileReference("db_password"), new FileReference("token"), new FileReference("stripe"))),
            FileSecret("db_password"), token, unused, stripe);

        Assert.Equal(
            [new SecretParameter("DbpasswordSecretArn", "db_password", "file ./db_password.txt"), new SecretParameter("TokenSecretArn", "token", "environment variable API_TOKEN")],
            SecretParameters.Of(project).ToArray());
    }

    [Theory]
    [InlineData("stripe-by-name", true, null, "referenced by ARN")]
    [InlineData("/etc/app.key", false, null, "must be a relative path")]
    [InlineData("../escape", false, null, "must be a relative path")]
    [InlineData(null, false, "a/b", "x-aws-keys")]
    public void Invalid_secret_settings_are_errors(string? nameOrTarget, bool external, string? key, string expected)
    {
        var secret = external ? new Compose.Model.Secret("s") { Name = nameOrTarget!, External = true } : FileSecret("s");
        if (key is not null) secret = secret with { Extensions = Ext(("x-aws-keys", List(key))) };
        var reference = new FileReference("s") { Target = external ? null : nameOrTarget };
        var error = Assert.Single(Transform.Errors(WithSecrets(Project(Using(Service("app"), reference)), secret)));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Init_script_writes_the_files_with_a_posix_shell_and_awk()
    {
        if (!File.Exists("/bin/sh") || !new[] { "/usr/bin/awk", "/bin/awk" }.Any(File.Exists)) return;
        var all = new Compose.Model.Secret("creds") { Name = ExternalArn, External = true, Extensions = Ext(("x-aws-keys", List("*"))) };
        var template = Ok(WithSecrets(Project(Using(Service("app"), new FileReference("db_password"), new FileReference("creds"))), FileSecret("db_password"), all));
        var script = ((Str)Init(template, "app").At("Command.0")!).Value;

        var root = Directory.CreateTempSubdirectory("secrets-init").FullName;
        try
        {
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script.Replace("/run/secrets", root, StringComparison.Ordinal));
            start.Environment["SECRET_1"] = "p@ss 'word' $HOME";
            start.Environment["SECRET_2"] = "{\"user\": \"admin\", \"pass\":\"a\\\"b\\\\c\", \"port\": 5432, \"../evil\": \"x\"}";
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());

            Assert.Equal("p@ss 'word' $HOME", File.ReadAllText(Path.Combine(root, "db_password")));
            Assert.Equal("admin", File.ReadAllText(Path.Combine(root, "creds", "user")));
            Assert.Equal("a\"b\\c", File.ReadAllText(Path.Combine(root, "creds", "pass")));
            Assert.Equal("5432", File.ReadAllText(Path.Combine(root, "creds", "port")));
            Assert.False(File.Exists(Path.Combine(root, "evil")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
