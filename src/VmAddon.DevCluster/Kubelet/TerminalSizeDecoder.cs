using System.Text.Json;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>Reads the resize channel: a stream of JSON objects {"Width":W,"Height":H}, which may span or share frames.</summary>
internal sealed class TerminalSizeDecoder
{
    private byte[] _pending = [];

    /// <summary>Adds received bytes and returns each complete size (columns, rows) in order.</summary>
    public IReadOnlyList<(ushort Columns, ushort Rows)> Add(ReadOnlySpan<byte> data)
    {
        _pending = [.. _pending, .. data];
        var sizes = new List<(ushort, ushort)>();
        while (true)
        {
            var reader = new Utf8JsonReader(_pending, isFinalBlock: false, state: default);
            try
            {
                if (!reader.Read() || !reader.TrySkip())
                {
                    return sizes;
                }
            }
            catch (JsonException)
            {
                // A client that sends garbage on the resize channel loses it, as a json.Decoder would stop.
                _pending = [];
                return sizes;
            }

            var consumed = (int)reader.BytesConsumed;
            using (var document = JsonDocument.Parse(_pending.AsMemory(0, consumed)))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    sizes.Add((Dimension(document.RootElement, "Width"), Dimension(document.RootElement, "Height")));
                }
            }

            _pending = _pending[consumed..];
        }
    }

    // Go's decoder matches field names case-insensitively.
    private static ushort Dimension(JsonElement size, string name)
    {
        foreach (var property in size.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.TryGetUInt16(out var value))
            {
                return value;
            }
        }

        return 0;
    }
}
