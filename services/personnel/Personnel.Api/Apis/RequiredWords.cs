using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Problems;

namespace Personnel.Api.Apis;

public static class RequiredWords
{
    /// <summary>
    /// A typed vocabulary field that must be given: missing, it has the field error a wrong word gets from the JSON converter.
    /// </summary>
    public static InputValidation RequireWord<T>(this InputValidation validation, T? value, string field) where T : struct, Enum =>
        validation.Require(value is not null, field, CommonMessages.OneOf, string.Join(", ", Vocabulary.Words<T>()));
}
