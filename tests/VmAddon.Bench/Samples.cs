using System.Globalization;

namespace VmAddon.Bench;

/// <summary>Repeated timings of one operation, summarised by their median, as these noisy machines need.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public void Add(double value) => _values.Add(value);

    public double Median
    {
        get
        {
            var sorted = _values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    /// <summary>The nearest-rank percentile (0–100) of the values.</summary>
    public double Percentile(double percent)
    {
        var sorted = _values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Format(string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median:0.#} {unit} (n={_values.Count}, {_values.Min():0.#}–{_values.Max():0.#})");
}
