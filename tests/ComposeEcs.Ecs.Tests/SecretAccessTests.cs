namespace ComposeEcs.Ecs.Tests;

/// <summary>Secrets someone else created: complete ARNs only, and kms:Decrypt on a named customer managed key (issue #12).</summary>
public sealed class SecretAccessTests
{
    private const string Stripe = "arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe-AbCdEf";
    private const string Key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string Creds = "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbC123";

    private static ComposeProject WithExternal(string arn, params (string Key, object? Value)[] extensions) =>
        Project(Service("app") with { Secrets = [new FileReference("stripe")] }) with
        {
            Secrets = Maps.From([KeyValuePair.Create("stripe", new Compose.Model.Secret("stripe") { Name = arn, External = true, Extensions = Ext(extensions) })]),
        };

    private static MapExpr? PolicyNamed(Template template, string role, string name) =>
        template.Properties(role).At("Policies").Items().Cast<MapExpr>().SingleOrDefault(p => p.At("PolicyName") == new Str(name));

    [Fact]
    public void A_key_named_on_an_external_secret_lets_the_execution_role_decrypt_through_secrets_manager()
    {
        var policy = PolicyNamed(Transform.Ok(WithExternal(Stripe, ("x-aws-kms-key", Key))), "AppTaskExecutionRole", "DecryptSecrets")!;
        Assert.Equal(new Str("kms:Decrypt"), policy.At("PolicyDocument.Statement.0.Action.0"));
        Assert.Equal(new Str(Key), policy.At("PolicyDocument.Statement.0.Resource.0"));
        Assert.Equal(Fn.Sub("secretsmanager.${AWS::Region}.amazonaws.com"), policy.At("PolicyDocument.Statement.0.Condition.StringEquals.kms:ViaService"));
    }

    [Fact]
    public void Without_a_named_key_no_decrypt_permission_is_granted()
    {
        Assert.Null(PolicyNamed(Transform.Ok(WithExternal(Stripe)), "AppTaskExecutionRole", "DecryptSecrets"));
    }

    [Fact]
    public void A_key_named_for_pull_credentials_lets_the_execution_role_decrypt_them()
    {
        var app = Service("app").WithExtensions(("x-aws-pull_credentials", Creds), ("x-aws-kms-key", Key));
        var policy = PolicyNamed(Transform.Ok(Project(app)), "AppTaskExecutionRole", "DecryptSecrets")!;
        Assert.Equal(new Str(Key), policy.At("PolicyDocument.Statement.0.Resource.0"));
    }

    [Theory]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe", "is a partial ARN")]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe-*", "a wildcard ARN")]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:parameter/stripe", "is not a Secrets Manager secret ARN")]
    public void An_external_secret_arn_that_no_iam_policy_can_match_is_refused_with_why(string arn, string why)
    {
        var error = Assert.Single(Transform.Errors(WithExternal(arn)));
        Assert.StartsWith($"secret \"stripe\": name: \"{arn}\" {why}", error);
    }

    [Fact]
    public void A_partial_pull_credentials_arn_is_refused()
    {
        var app = Service("app").WithExtensions(("x-aws-pull_credentials", "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds"));
        Assert.Contains("x-aws-pull_credentials: \"arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds\" is a partial ARN", Assert.Single(Transform.Errors(Project(app))));
    }

    [Theory]
    [InlineData("arn:aws:kms:us-east-1:123456789012:alias/stripe", "is an alias")]
    [InlineData("my-key", "must be the ARN of a KMS key")]
    public void A_key_that_is_not_a_key_arn_is_refused(string key, string why)
    {
        Assert.Contains($"x-aws-kms-key: \"{key}\" {why}", Assert.Single(Transform.Errors(WithExternal(Stripe, ("x-aws-kms-key", key)))));
    }

    [Fact]
    public void A_key_on_a_service_without_pull_credentials_is_refused()
    {
        Assert.Contains("x-aws-kms-key: names the key of the x-aws-pull_credentials secret", Assert.Single(Transform.Errors(Project(Service("app").WithExtensions(("x-aws-kms-key", Key))))));
    }
}
