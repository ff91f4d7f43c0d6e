using k8s.Models;

namespace VmAddon.Api.Validation;

/// <summary>Collects field errors while a validator walks an object.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public void Add(string path, string message) => _errors.Add(new FieldError(path, message));

    public void Required(string path, string what) => Add(path, $"Required value: {what}");

    public void Unsupported(string path, string value, IEnumerable<string> supported) =>
        Add(path, $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public void NotSupportedYet(string path, string feature) =>
        Add(path, $"{feature} is not supported by VmAddon yet");

    /// <summary>Reports names seen more than once in a list, at the second and later occurrences.</summary>
    public void Duplicates<T>(IList<T>? items, Func<T, string?> name, string listPath, string field, string noun)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var value = name(items![i]);
            if (!string.IsNullOrEmpty(value) && !seen.Add(value))
            {
                Add($"{listPath}[{i}].{field}", $"duplicate {noun} \"{value}\"");
            }
        }
    }

    /// <summary>A quantity must be above zero; returns its value in bytes or units when it is.</summary>
    public decimal? PositiveQuantity(ResourceQuantity? quantity, string path)
    {
        if (quantity is null)
        {
            return null;
        }

        decimal value;
        try
        {
            value = quantity.ToDecimal();
        }
        catch (OverflowException)
        {
            Add(path, $"Invalid value: \"{quantity}\": is too large");
            return null;
        }

        if (value <= 0)
        {
            Add(path, $"Invalid value: \"{Describe(quantity, value)}\": must be greater than zero");
            return null;
        }

        return value;
    }

    /// <summary>The quantity as the user would write it; KubernetesClient prints negative quantities in odd units.</summary>
    private static string Describe(ResourceQuantity quantity, decimal value) =>
        value < 0 ? "-" + new ResourceQuantity(-value, 0, quantity.Format) : quantity.ToString();
}
