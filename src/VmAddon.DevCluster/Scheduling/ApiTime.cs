using System.Globalization;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>Kubernetes' two wire formats for time: metav1.Time (RFC 3339, whole seconds) and metav1.MicroTime (microseconds).</summary>
internal static class ApiTime
{
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string MicroTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A DateTime read from a KubernetesClient model (UTC, or unspecified meaning UTC) as an offset.</summary>
    public static DateTimeOffset? From(DateTime? t) => t is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, value.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)) : null;
}
