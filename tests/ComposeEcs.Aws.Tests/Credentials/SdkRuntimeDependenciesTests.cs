using Amazon;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;
using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws.Tests.Credentials;

/// <summary>The factories Native AOT needs for SSO and web identity are in the SDK's registry (creating a client sends nothing).</summary>
public sealed class SdkRuntimeDependenciesTests
{
    [Fact]
    public void Sso_and_sso_oidc_clients_are_registered_for_the_requested_region()
    {
        SdkRuntimeDependencies.Register();
        var registry = GlobalRuntimeDependencyRegistry.Instance;

        using var sso = Assert.IsType<AmazonSSOClient>(registry.GetInstance<object>("AWSSDK.SSO", "Amazon.SSO.AmazonSSOClient",
            new CreateInstanceContext(new SSOClientContext { Region = RegionEndpoint.EUWest1 })));
        using var oidc = Assert.IsType<AmazonSSOOIDCClient>(registry.GetInstance<object>("AWSSDK.SSOOIDC", "Amazon.SSOOIDC.AmazonSSOOIDCClient",
            new CreateInstanceContext(new SSOOIDCClientContext { Region = RegionEndpoint.EUWest1 })));

        Assert.Equal(RegionEndpoint.EUWest1, sso.Config.RegionEndpoint);
        Assert.Equal(RegionEndpoint.EUWest1, oidc.Config.RegionEndpoint);
    }

    [Fact]
    public void Sts_is_registered_for_web_identity_but_left_to_the_sdk_for_assume_role()
    {
        SdkRuntimeDependencies.Register();
        var registry = GlobalRuntimeDependencyRegistry.Instance;

        using var webIdentity = Assert.IsType<AmazonSecurityTokenServiceClient>(registry.GetInstance<object>("AWSSDK.SecurityToken",
            "Amazon.SecurityToken.AmazonSecurityTokenServiceClient", new CreateInstanceContext(new SecurityTokenServiceClientContext
            {
                Action = SecurityTokenServiceClientContext.ActionContext.AssumeRoleWithWebIdentityCredentials, Region = RegionEndpoint.USEast1,
            })));
        var assumeRole = registry.GetInstance<object>("AWSSDK.SecurityToken", "Amazon.SecurityToken.AmazonSecurityTokenServiceClient",
            new CreateInstanceContext(new SecurityTokenServiceClientContext
            {
                Action = SecurityTokenServiceClientContext.ActionContext.AssumeRoleAWSCredentials, Region = RegionEndpoint.USEast1,
            }));

        Assert.Null(assumeRole);
    }
}
