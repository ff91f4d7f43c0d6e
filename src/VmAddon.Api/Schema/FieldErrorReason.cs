using VmAddon.Api.Validation;

namespace VmAddon.Api.Schema;

/// <summary>The StatusCause reason kube-apiserver puts next to a field error in a 422 Invalid response.</summary>
public static class FieldErrorReason
{
    /// <summary>FieldValueRequired, FieldValueNotSupported, FieldValueDuplicate, FieldValueTooLong, FieldValueTooMany, FieldValueTypeInvalid or FieldValueInvalid.</summary>
    public static string Of(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        return message.StartsWith("Required value", StringComparison.Ordinal) ? "FieldValueRequired"
            : message.StartsWith("Unsupported value", StringComparison.Ordinal) ? "FieldValueNotSupported"
            : message.StartsWith("Duplicate value", StringComparison.Ordinal) ? "FieldValueDuplicate"
            : message.StartsWith("Too long", StringComparison.Ordinal) ? "FieldValueTooLong"
            : message.StartsWith("Too many", StringComparison.Ordinal) ? "FieldValueTooMany"
            : message.StartsWith("Forbidden", StringComparison.Ordinal) ? "FieldValueForbidden"
            : message.StartsWith("unknown field", StringComparison.Ordinal) ? "FieldValueUnknown"
            // kube-apiserver reports a schema type mismatch with field.TypeInvalid.
            : message.Contains(" in body must be of type ", StringComparison.Ordinal) ? "FieldValueTypeInvalid"
            : "FieldValueInvalid";
    }
}
