using System.Text;

namespace VmAddon.Launcher.Kvm;

/// <summary>Finds a marker in a byte stream read in chunks, where a chunk may end in the middle of the marker.</summary>
internal sealed class MarkerScanner(string marker)
{
    private readonly byte[] _marker = Encoding.ASCII.GetBytes(marker);
    private byte[] _carry = [];

    public bool Found { get; private set; }

    /// <summary>Looks at the next chunk; returns <see cref="Found"/>.</summary>
    public bool Feed(ReadOnlySpan<byte> chunk)
    {
        if (Found)
        {
            return true;
        }

        byte[] window = [.. _carry, .. chunk];
        if (window.AsSpan().IndexOf(_marker) >= 0)
        {
            Found = true;
            return true;
        }

        var keep = Math.Min(_marker.Length - 1, window.Length);
        _carry = window[^keep..];
        return false;
    }
}
