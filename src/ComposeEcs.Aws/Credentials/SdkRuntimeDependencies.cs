using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace ComposeEcs.Aws.Credentials;

/// <summary>
/// Under Native AOT the SDK cannot load the SSO, SSO OIDC and STS clients by reflection, so SSO and
/// web-identity profiles only work once these factories are registered. Registering is idempotent
/// (the registry keys by type name), so calling it more than once is harmless.
/// </summary>
public static class SdkRuntimeDependencies
{
    public static void Register()
    {
        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSSOOIDCClient(context =>
            new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), context.SSOOIDCClientContextData.Region));
        registry.RegisterSSOClient(context =>
            new AmazonSSOClient(new AnonymousAWSCredentials(), context.SSOClientContextData.Region));
        // The factory is not given the source credentials of an assume-role profile, so only the
        // calls that need none (web identity) get a client here; returning null lets the SDK build the
        // assume-role client itself with the source profile's credentials (by reflection, so not under AOT).
        registry.RegisterSecurityTokenServiceClient(context =>
            context.SecurityTokenServiceClientContextData.Action == SecurityTokenServiceClientContext.ActionContext.AssumeRoleWithWebIdentityCredentials
                ? new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), context.SecurityTokenServiceClientContextData.Region)
                : null!);
    }
}
