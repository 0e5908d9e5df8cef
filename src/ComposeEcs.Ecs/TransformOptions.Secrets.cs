using System.Collections.Immutable;

namespace ComposeEcs.Ecs;

public sealed partial record TransformOptions
{
    /// <summary>
    /// Keys of the compose secrets whose content is not UTF-8 text (decided by whoever reads the files, e.g. the CLI):
    /// they are stored as SecretBinary and written into the container by <see cref="SecretsFetch"/>.
    /// </summary>
    public ImmutableHashSet<string> BinarySecrets { get; init; } = ImmutableHashSet<string>.Empty;
}
