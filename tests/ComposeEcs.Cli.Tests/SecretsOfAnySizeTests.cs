using System.Text;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Cli.Tests;

/// <summary>Secret values reach Secrets Manager whole and byte for byte, and nowhere else.</summary>
public sealed class SecretsOfAnySizeTests
{
    private const string Canary = "CANARY-5f1c0e9a7b3d";

    private const string Compose = """
        name: sec
        services:
          web:
            image: nginx
            secrets:
              - chain
              - keystore
        secrets:
          chain:
            file: ./chain.pem
          keystore:
            file: ./keystore.p12
        """;

    /// <summary>A 20 KB certificate chain in PEM, with the canary inside.</summary>
    private static byte[] Chain()
    {
        var pem = new StringBuilder();
        var random = new Random(1);
        while (pem.Length < 20_000)
        {
            pem.Append("-----BEGIN CERTIFICATE-----\n");
            for (var i = 0; i < 20; i++)
            {
                var line = new byte[48];
                random.NextBytes(line);
                pem.Append(Convert.ToBase64String(line)).Append('\n');
            }
            pem.Append("-----END CERTIFICATE-----\n");
        }
        pem.Insert(28, Canary + "\n");
        return Encoding.ASCII.GetBytes(pem.ToString());
    }

    /// <summary>A PKCS#12-like blob: not UTF-8 (0xFF, 0xC0 bytes), with the canary inside.</summary>
    private static byte[] Keystore()
    {
        var bytes = new byte[3000];
        new Random(2).NextBytes(bytes);
        bytes[0] = 0x30; bytes[1] = 0x82; bytes[2] = 0xFF; bytes[3] = 0xC0;
        Encoding.ASCII.GetBytes(Canary).CopyTo(bytes, 100);
        return bytes;
    }

    [Fact]
    public async Task A_pem_chain_and_a_binary_keystore_are_stored_byte_for_byte_and_the_canary_is_nowhere_else()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(Compose);
        var chain = Chain();
        var keystore = Keystore();
        File.WriteAllBytes(Path.Combine(t.Directory, "chain.pem"), chain);
        File.WriteAllBytes(Path.Combine(t.Directory, "keystore.p12"), keystore);

        var up = await t.RunAsync("up");

        Assert.True(up.ExitCode == 0, up.ToString());
        var stored = t.Server.Secrets.ToDictionary(s => s.Name);
        Assert.Equal(chain, Encoding.UTF8.GetBytes(stored["compose-ecs/sec/chain"].SecretString!));
        Assert.Null(stored["compose-ecs/sec/keystore"].SecretString);
        Assert.Equal(keystore, stored["compose-ecs/sec/keystore"].SecretBinary);

        var stack = t.Server.Stack("sec")!;
        var binaryOnWire = Convert.ToBase64String(keystore);
        var everywhereElse = new[] { up.Out, up.Error, stack.TemplateBody ?? "", string.Join("\n", stack.Parameters.Values), string.Join("\n", stack.Outputs.Values) }
            .Concat(stack.Events.Select(e => e.ResourceStatusReason ?? ""))
            .Concat(t.Server.Buckets.SelectMany(b => b.Objects.Values).Select(Encoding.UTF8.GetString))
            .Concat(t.Server.Requests.Where(r => r.Service != "secretsmanager").Select(r => r.Body));
        Assert.All(everywhereElse, text => Assert.DoesNotContain(Canary, text));
        Assert.All(everywhereElse, text => Assert.DoesNotContain(binaryOnWire[..64], text));
        Assert.All(t.Server.Requests.Where(r => r.Body.Contains(Canary, StringComparison.Ordinal) || r.Body.Contains(binaryOnWire[..64], StringComparison.Ordinal)),
            r => Assert.Equal("CreateSecret", r.Action));
        Assert.Equal(stored["compose-ecs/sec/chain"].Arn, stack.Parameters["ChainSecretArn"]);

        var again = await t.RunAsync("up");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain(t.Server.Requests, r => r.Action == "PutSecretValue");

        var down = await t.RunAsync("down");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains("compose-ecs/sec/chain", down.Out);
        Assert.Empty(t.Server.Secrets);
    }

    [Fact]
    public async Task A_secret_over_64_KiB_is_bad_input_naming_it_and_nothing_is_deployed()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(Compose);
        File.WriteAllBytes(Path.Combine(t.Directory, "chain.pem"), new byte[65_537]);
        File.WriteAllBytes(Path.Combine(t.Directory, "keystore.p12"), Keystore());

        var up = await t.RunAsync("up");

        Assert.True(up.ExitCode == 2, up.ToString());
        Assert.Contains("secret 'chain' is 65,537 bytes, over Secrets Manager's 65,536-byte limit", up.Error);
        Assert.Empty(t.Server.Secrets);
        Assert.DoesNotContain(t.Server.Requests, r => r.Action == "CreateChangeSet");
    }
}
