using ComposeEcs.FakeAws;

namespace ComposeEcs.Cli.Tests;

/// <summary>
/// A fake <c>docker</c> executable (a POSIX shell script in a temp directory the test puts first on PATH). It records
/// every call's arguments and standard input and answers like the real CLI: <c>buildx version</c>, <c>login
/// --password-stdin</c> ("Login Succeeded"), <c>build</c>/<c>buildx build</c> (an image id derived from the context's
/// files and the build arguments, written to <c>--iidfile</c>, so an unchanged context gives the same id as a cached
/// rebuild does; a Dockerfile <c>FROM</c> whose build arg is unset fails, and so does one naming an image with neither
/// registry nor tag that no earlier build or <c>tag</c> made locally, as Docker Hub has no such image), <c>tag</c>, and <c>push</c> (prints <c>&lt;tag&gt;: digest: sha256:... size: N</c>). Pushed images
/// reach the emulator through <see cref="PublishTo"/>, standing in for the registry protocol.
/// </summary>
internal sealed class FakeDocker : IDisposable
{
    private const char Separator = '\u001f';
    private int _published;

    public FakeDocker()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("compose-ecs-fake-docker-").FullName;
        var script = Path.Combine(Directory, "docker");
        File.WriteAllText(script, Script.Replace("@STATE@", Directory, StringComparison.Ordinal).ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    /// <summary>PATH with this fake first, then the system directories the script needs (sh, sha256sum, find).</summary>
    public string Path_ => $"{Directory}:/usr/local/bin:/usr/bin:/bin";

    public Dictionary<string, string> Environment(Dictionary<string, string> environment)
    {
        environment["PATH"] = Path_;
        return environment;
    }

    /// <summary>Every call, oldest first, as its argument list.</summary>
    public IReadOnlyList<string[]> Calls => Lines("calls.log").Select(l => l.TrimEnd(Separator).Split(Separator)).ToList();

    /// <summary>What each call that read standard input got (only <c>login</c> reads it).</summary>
    public IReadOnlyList<string> Stdin => Lines("stdin.log");

    /// <summary>Pushed references and their digests.</summary>
    public IReadOnlyList<(string Reference, string Digest)> Pushes =>
        Lines("pushes.log").Select(l => l.Split(' ')).Select(p => (p[0], p[1])).ToList();

    public IReadOnlyList<string[]> CallsOf(string command) => Calls.Where(c => c[0] == command || (c[0] == "buildx" && c.Length > 1 && c[1] == command)).ToList();

    /// <summary>Makes <c>docker buildx</c> unknown, as on an engine without the buildx plugin.</summary>
    public void WithoutBuildx() => File.WriteAllText(System.IO.Path.Combine(Directory, "no-buildx"), "");

    /// <summary>Tells the emulator's ECR about the images pushed since the last call.</summary>
    public void PublishTo(FakeAwsServer server)
    {
        var pushes = Pushes;
        foreach (var (reference, digest) in pushes.Skip(_published))
        {
            var path = reference[(reference.IndexOf('/') + 1)..];
            var colon = path.LastIndexOf(':');
            server.PushImage(path[..colon], path[(colon + 1)..], digest);
        }
        _published = pushes.Count;
    }

    private List<string> Lines(string file)
    {
        var path = System.IO.Path.Combine(Directory, file);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0)] : [];
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    private const string Script = """
        #!/bin/sh
        # Fake docker CLI for compose-ecs tests: records calls, answers like docker.
        STATE='@STATE@'
        for a in "$@"; do printf '%s\037' "$a" >> "$STATE/calls.log"; done
        printf '\n' >> "$STATE/calls.log"

        # A Dockerfile's FROM, with ${ARG}s from --build-arg (KEY=VALUE, or KEY from this environment) then ARG defaults.
        resolve() {
          r="$1"
          for kv in $buildargs; do
            k="${kv%%=*}"
            case "$kv" in *=*) v="${kv#*=}" ;; *) eval "v=\${$k:-}" ;; esac
            r=$(printf '%s' "$r" | sed "s|[$][{]$k[}]|$v|g; s|^[$]$k\$|$v|")
          done
          printf '%s' "$r"
        }

        build() {
          iidfile=''; context=''; prev=''; key=''; file=''; tags=''; buildargs=''
          for a in "$@"; do
            if [ "$prev" = "--iidfile" ]; then iidfile="$a"; else key="$key $a"; fi
            [ "$prev" = "--file" ] && file="$a"
            [ "$prev" = "--tag" ] && tags="$tags $a"
            [ "$prev" = "--build-arg" ] && buildargs="$buildargs $a"
            prev="$a"; context="$a"
          done
          if [ ! -d "$context" ]; then
            echo "ERROR: unable to prepare context: path \"$context\" not found" >&2; exit 1
          fi
          [ -z "$file" ] && file="$context/Dockerfile"
          if [ -f "$file" ]; then
            buildargs="$buildargs $(sed -n 's/^[[:space:]]*ARG[[:space:]]\{1,\}\([A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*\).*/\1/p' "$file" | tr '\n' ' ')"
            stages=$(awk 'toupper($1) == "FROM" && toupper($(NF-1)) == "AS" { print tolower($NF) }' "$file")
            for ref in $(awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if ($i !~ /^--/) { print $i; break } }' "$file"); do
              base=$(resolve "$ref")
              case "$base" in
                ''|*'$'*) echo "ERROR: failed to solve: base name ($ref) should not be blank" >&2; exit 1 ;;
                scratch|*:*|*/*|*@*) continue ;;
              esac
              printf '%s\n' "$stages" | grep -qx "$base" && continue
              [ -f "$STATE/images" ] && grep -qx "$base" "$STATE/images" && continue
              echo "ERROR: failed to solve: $base: pull access denied, repository does not exist or may require authorization" >&2; exit 1
            done
          fi
          files=$(cd "$context" && find . -type f | LC_ALL=C sort | xargs cat 2>/dev/null | sha256sum | cut -d' ' -f1)
          id=$(printf '%s %s' "$files" "$key" | sha256sum | cut -d' ' -f1)
          echo "#0 building with \"default\" instance using docker driver" >&2
          echo "#1 [internal] load build definition from Dockerfile" >&2
          echo "#5 writing image sha256:$id done" >&2
          [ -n "$iidfile" ] && printf 'sha256:%s' "$id" > "$iidfile"
          for t in $tags; do echo "$t" >> "$STATE/images"; done
          exit 0
        }

        case "$1" in
          buildx)
            if [ -f "$STATE/no-buildx" ]; then
              echo "docker: 'buildx' is not a docker command." >&2; echo "See 'docker --help'" >&2; exit 1
            fi
            case "$2" in
              version) echo "github.com/docker/buildx v0.17.1 257815a"; exit 0 ;;
              build) shift 2; build "$@" ;;
            esac
            echo "unknown buildx command $2" >&2; exit 1 ;;
          build) shift; build "$@" ;;
          login)
            input=$(cat)
            printf '%s\n' "$input" >> "$STATE/stdin.log"
            if [ -z "$input" ]; then echo "Error: Cannot perform an interactive login from a non TTY device" >&2; exit 1; fi
            echo "Login Succeeded"; exit 0 ;;
          tag) echo "$3" >> "$STATE/images"; exit 0 ;;
          push)
            ref="$2"
            digest=$(printf '%s' "$ref" | sha256sum | cut -d' ' -f1)
            echo "The push refers to repository [${ref%:*}]"
            echo "5f70bf18a086: Pushed"
            echo "${ref##*:}: digest: sha256:$digest size: 1570"
            echo "$ref sha256:$digest" >> "$STATE/pushes.log"
            exit 0 ;;
        esac
        echo "docker: '$1' is not a docker command." >&2
        exit 1
        """;
}
