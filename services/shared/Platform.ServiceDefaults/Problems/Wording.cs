namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// A message rendered in the caller's language when the problem is written: a key of a message catalogue
/// (constants in <see cref="CommonMessages"/> or a service's own class) and its arguments. An argument that is a
/// <see cref="Wording"/> (or a list of them) is rendered too, so vocabulary such as a status reads in the same language.
/// </summary>
public sealed record Wording(string Key, IReadOnlyList<object?> Args)
{
    public static Wording Of(string key, params object?[] args) => new(key, args);

    /// <summary>Several texts read one after the other, as one text (a refusal's detail made of its reasons).</summary>
    public static Wording Sentences(IEnumerable<Wording> texts) => Of(CommonMessages.Sentences, new WordingList([.. texts], " "));

    public override string ToString() => Args.Count == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}

/// <summary>Texts rendered one after another with a separator, as one argument of a <see cref="Wording"/>.</summary>
public sealed record WordingList(IReadOnlyList<Wording> Items, string Separator = ", ");
