using VmAddon.Api.Validation;

namespace VmAddon.Api.Schema;

/// <summary>
/// What a structural schema found wrong with an object. Unknown fields are kept apart because the API server
/// treats them differently: strict field validation answers 400 "strict decoding error: unknown field ...",
/// non-strict validation prunes them (warning or silently), while <see cref="Errors"/> become a 422 Invalid.
/// </summary>
public sealed record SchemaValidationResult(IReadOnlyList<FieldError> UnknownFields, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => UnknownFields.Count == 0 && Errors.Count == 0;

    /// <summary>Unknown fields first, then schema violations, as a strict client would report them.</summary>
    public IReadOnlyList<FieldError> All => [.. UnknownFields, .. Errors];
}
