namespace Platform.ServiceDefaults.Domain;

/// <summary>
/// What a domain operation returns: the new state, and the integration events (records of Platform.Contracts) that the
/// change raises. The caller commits both in one change set, so an event is published if and only if its state is stored.
/// </summary>
public sealed record Changed<T>(T State, IReadOnlyList<object> Events)
{
    public Changed(T state) : this(state, []) { }

    public static implicit operator Changed<T>(T state) => new(state);
}
