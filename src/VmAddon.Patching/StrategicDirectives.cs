namespace VmAddon.Patching;

/// <summary>The special keys of a strategic merge patch.</summary>
internal static class StrategicDirectives
{
    public const string Patch = "$patch";
    public const string RetainKeys = "$retainKeys";
    public const string SetElementOrderPrefix = "$setElementOrder/";
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
    public const string Replace = "replace";
    public const string Delete = "delete";
    public const string Merge = "merge";

    public static string Child(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
