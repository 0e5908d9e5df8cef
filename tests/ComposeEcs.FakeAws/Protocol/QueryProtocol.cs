using System.Xml.Linq;
using static ComposeEcs.FakeAws.Xml;

namespace ComposeEcs.FakeAws;

/// <summary>AWS query protocol (CloudFormation, ELBv2, STS) and EC2's variant of it: XML answers and errors.</summary>
internal static class QueryProtocol
{
    public const string ContentType = "text/xml";

    public static readonly IReadOnlyDictionary<string, string> Namespaces = new Dictionary<string, string>
    {
        ["cloudformation"] = "http://cloudformation.amazonaws.com/doc/2010-05-15/",
        ["elasticloadbalancing"] = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
        ["sts"] = "https://sts.amazonaws.com/doc/2011-06-15/",
        ["ec2"] = "http://ec2.amazonaws.com/doc/2016-11-15/",
    };

    /// <summary>&lt;ActionResponse&gt;&lt;ActionResult&gt;content&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;...</summary>
    public static WireResponse Ok(AwsRequest request, params object?[] result)
    {
        var root = E(request.Action + "Response",
            E(request.Action + "Result", result),
            E("ResponseMetadata", E("RequestId", request.RequestId)));
        return new(200, ContentType, Document(root, Namespace(request.Service)), request.RequestId);
    }

    /// <summary>Answer without a Result element (DeleteStack and friends).</summary>
    public static WireResponse Empty(AwsRequest request)
    {
        var root = E(request.Action + "Response", E("ResponseMetadata", E("RequestId", request.RequestId)));
        return new(200, ContentType, Document(root, Namespace(request.Service)), request.RequestId);
    }

    public static WireResponse Ec2Ok(AwsRequest request, params object?[] content)
    {
        var root = E(request.Action + "Response", E("requestId", request.RequestId), content);
        return new(200, ContentType, Document(root, Namespaces["ec2"]), request.RequestId);
    }

    public static WireResponse Error(string service, AwsError error, string requestId)
    {
        if (service == "ec2")
        {
            var ec2 = E("Response",
                E("Errors", E("Error", E("Code", error.Code), E("Message", error.Message))),
                E("RequestID", requestId));
            return new(error.Status, ContentType, Document(ec2, null), requestId);
        }
        var root = E("ErrorResponse",
            E("Error", E("Type", error.Sender ? "Sender" : "Receiver"), E("Code", error.Code), E("Message", error.Message)),
            E("RequestId", requestId));
        return new(error.Status, ContentType, Document(root, Namespace(service)), requestId);
    }

    private static string? Namespace(string service) => Namespaces.GetValueOrDefault(service);

    public static XElement? Opt(string name, string? value) => value is null ? null : E(name, value);
}
