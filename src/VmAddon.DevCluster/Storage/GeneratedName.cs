namespace VmAddon.DevCluster.Storage;

/// <summary>Kubernetes' generateName suffix: five characters from an alphabet without vowels and look-alikes.</summary>
internal static class GeneratedName
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int SuffixLength = 5;
    private const int MaxNameLength = 63;

    public static string From(string prefix)
    {
        // Kubernetes trims the prefix so that prefix plus suffix stays a valid name.
        if (prefix.Length > MaxNameLength - SuffixLength)
        {
            prefix = prefix[..(MaxNameLength - SuffixLength)];
        }

        return prefix + string.Create(SuffixLength, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
            }
        });
    }
}
