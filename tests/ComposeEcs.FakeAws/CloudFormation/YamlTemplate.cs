using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>YAML templates, short-form intrinsics (!Ref, !GetAtt, !Sub, ...) turned into their JSON long form.</summary>
internal static class YamlTemplate
{
    public static JsonObject ToJson(string body)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(body));
            if (stream.Documents.Count == 0 || Convert(stream.Documents[0].RootNode) is not JsonObject root)
                throw AwsError.Validation("Template format error: YAML not well-formed.");
            return root;
        }
        catch (YamlException e)
        {
            throw AwsError.Validation($"Template format error: YAML not well-formed. (line {e.Start.Line}, column {e.Start.Column})");
        }
    }

    private static JsonNode? Convert(YamlNode node)
    {
        var value = node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
                KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => null,
        };
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is null || !tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal)) return value;
        var name = tag[1..];
        if (name == "Ref") return new JsonObject { ["Ref"] = value };
        if (name == "Condition") return new JsonObject { ["Condition"] = value };
        if (name == "GetAtt" && value is JsonValue v && v.ToString() is var text && text.IndexOf('.') is var dot and > 0)
            return new JsonObject { ["Fn::GetAtt"] = new JsonArray(text[..dot], text[(dot + 1)..]) };
        return new JsonObject { ["Fn::" + name] = value };
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (long.TryParse(text, out var l)) return JsonValue.Create(l);
        if (text is "null" or "~" or "") return null;
        return JsonValue.Create(text);
    }
}
