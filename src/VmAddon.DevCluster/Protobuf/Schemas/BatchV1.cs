using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>batch/v1 Job and CronJob, which <c>kubectl create job|cronjob</c> send.</summary>
internal static class BatchV1
{
    public static readonly MessageSchema JobSpec = new(
        "batch.v1.JobSpec",
        Int32Ptr(1, "parallelism"),
        Int32Ptr(2, "completions"),
        Int64Ptr(3, "activeDeadlineSeconds"),
        Int32Ptr(7, "backoffLimit"),
        Int32Ptr(12, "backoffLimitPerIndex"),
        Int32Ptr(13, "maxFailedIndexes"),
        Ptr(4, "selector", MetaV1.LabelSelector),
        BoolPtr(5, "manualSelector"),
        Struct(6, "template", CoreV1Pods.PodTemplateSpec),
        Int32Ptr(8, "ttlSecondsAfterFinished"),
        StrPtr(9, "completionMode"),
        BoolPtr(10, "suspend"),
        StrPtr(14, "podReplacementPolicy"),
        StrPtr(15, "managedBy"));

    public static readonly MessageSchema JobCondition = new(
        "batch.v1.JobCondition",
        StrAlways(1, "type"),
        StrAlways(2, "status"),
        Time(3, "lastProbeTime"),
        Time(4, "lastTransitionTime"),
        Str(5, "reason"),
        Str(6, "message"));

    public static readonly MessageSchema UncountedTerminatedPods = new(
        "batch.v1.UncountedTerminatedPods",
        Strings(1, "succeeded"),
        Strings(2, "failed"));

    public static readonly MessageSchema JobStatus = new(
        "batch.v1.JobStatus",
        List(1, "conditions", JobCondition),
        TimePtr(2, "startTime"),
        TimePtr(3, "completionTime"),
        Int32(4, "active"),
        Int32(5, "succeeded"),
        Int32(6, "failed"),
        Int32Ptr(11, "terminating"),
        Str(7, "completedIndexes"),
        StrPtr(10, "failedIndexes"),
        Ptr(8, "uncountedTerminatedPods", UncountedTerminatedPods),
        Int32Ptr(9, "ready"));

    public static readonly MessageSchema Job = new(
        "batch.v1.Job",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", JobSpec),
        Struct(3, "status", JobStatus));

    public static readonly MessageSchema JobTemplateSpec = new(
        "batch.v1.JobTemplateSpec",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", JobSpec));

    public static readonly MessageSchema CronJobSpec = new(
        "batch.v1.CronJobSpec",
        StrAlways(1, "schedule"),
        StrPtr(8, "timeZone"),
        Int64Ptr(2, "startingDeadlineSeconds"),
        Str(3, "concurrencyPolicy"),
        BoolPtr(4, "suspend"),
        Struct(5, "jobTemplate", JobTemplateSpec),
        Int32Ptr(6, "successfulJobsHistoryLimit"),
        Int32Ptr(7, "failedJobsHistoryLimit"));

    public static readonly MessageSchema CronJobStatus = new(
        "batch.v1.CronJobStatus",
        List(1, "active", CoreV1.ObjectReference),
        TimePtr(4, "lastScheduleTime"),
        TimePtr(5, "lastSuccessfulTime"));

    public static readonly MessageSchema CronJob = new(
        "batch.v1.CronJob",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", CronJobSpec),
        Struct(3, "status", CronJobStatus));
}
