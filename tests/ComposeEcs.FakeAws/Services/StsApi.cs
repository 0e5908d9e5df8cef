using static ComposeEcs.FakeAws.Xml;

namespace ComposeEcs.FakeAws.Services;

/// <summary>STS GetCallerIdentity (query protocol, Version 2011-06-15).</summary>
internal sealed class StsApi(string account) : IServiceHandler
{
    public string Service => "sts";

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "GetCallerIdentity" => QueryProtocol.Ok(request,
            E("Arn", $"arn:aws:iam::{account}:user/compose-ecs-tests"),
            E("UserId", "AIDAFAKEUSERID000000"),
            E("Account", account)),
        _ => throw new AwsError("InvalidAction", $"Could not find operation {request.Action} for version 2011-06-15"),
    };
}
