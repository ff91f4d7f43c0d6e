using System.Text.RegularExpressions;

namespace VmAddon.DevCluster.Catalog;

/// <summary>Orders API versions as Kubernetes does: v2 before v1, GA before beta before alpha, then by number; other strings last, alphabetically.</summary>
public sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var (rankX, majorX, minorX) = Rank(x ?? "");
        var (rankY, majorY, minorY) = Rank(y ?? "");
        return rankX != rankY ? rankX.CompareTo(rankY)
            : majorX != majorY ? majorY.CompareTo(majorX)
            : minorX != minorY ? minorY.CompareTo(minorX)
            : string.CompareOrdinal(x, y);
    }

    private static (int Rank, int Major, int Minor) Rank(string version)
    {
        var match = KubeVersion().Match(version);
        if (!match.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var rank = match.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        return (rank, major, minor);
    }

    [GeneratedRegex(@"^v(\d+)(?:(alpha|beta)(\d+))?$")]
    private static partial Regex KubeVersion();
}
