using System.Text;
using System.Xml;
using System.Xml.Linq;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;

namespace ComposeEcs.Aws.Protocols;

/// <summary>
/// The AWS query protocol (CloudFormation, ELBv2, STS, and EC2's variant): a form-encoded POST with
/// Action and Version, answered with XML.
/// </summary>
public sealed class QueryProtocol(AwsTransport transport, AwsService service, string version)
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Returns the <c>&lt;ActionResult&gt;</c> element, or the root element when there is none (EC2).</summary>
    public async Task<XElement> CallAsync(string action, QueryParameters parameters, CancellationToken cancellationToken)
    {
        var form = new QueryParameters().Add("Action", action).Add("Version", version);
        foreach (var (name, value) in parameters)
            form.Add(name, value);
        var body = Encoding.UTF8.GetBytes(form.ToFormBody());
        var text = await transport.SendAsync(new AwsCall(service, action, body, ContentType, null, ParseError), cancellationToken).ConfigureAwait(false);
        var root = XDocument.Parse(text).Root ?? throw new FormatException($"{service.SigningName} {action} answered an empty document.");
        return root.Child(action + "Result") ?? root;
    }

    /// <summary>
    /// Parses <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c> and EC2's
    /// <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;..&lt;/Errors&gt;&lt;RequestID/&gt;</c>.
    /// </summary>
    public static AwsError ParseError(HttpResponseMessage response, string body)
    {
        var headerId = HeaderRequestId(response);
        try
        {
            var root = XDocument.Parse(body).Root;
            var error = root?.Find("Error");
            if (root is not null && error is not null)
            {
                var code = error.Text("Code") ?? FallbackCode(response);
                var requestId = root.Find("RequestId")?.Value ?? root.Find("RequestID")?.Value ?? headerId;
                return new AwsError(code, error.Text("Message") ?? "", requestId);
            }
        }
        catch (XmlException)
        {
        }
        return new AwsError(FallbackCode(response), Summary(body), headerId);
    }

    internal static string? HeaderRequestId(HttpResponseMessage response) =>
        FirstHeader(response, "x-amzn-RequestId") ?? FirstHeader(response, "x-amz-request-id");

    internal static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    internal static string FallbackCode(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 ? "InternalFailure" : $"Http{(int)response.StatusCode}";

    internal static string Summary(string body)
    {
        var line = body.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "..." : line;
    }
}
