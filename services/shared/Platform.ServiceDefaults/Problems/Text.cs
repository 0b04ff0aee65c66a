namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// A message rendered in the caller's language when the problem is written: a key of a message catalogue
/// (constants in <see cref="CommonMessages"/> or a service's own class) and its arguments. An argument that is a
/// <see cref="Text"/> (or a list of them) is rendered too, so vocabulary such as a status reads in the same language.
/// </summary>
public sealed record Text(string Key, IReadOnlyList<object?> Args)
{
    public static Text Of(string key, params object?[] args) => new(key, args);

    public override string ToString() => Args.Count == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}
