using System;
using System.Collections.Generic;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Reports;

namespace PinterestAds
{
    /// <summary>
    /// One async report, template report or bulk download on Pinterest's side: everything needed to poll,
    /// download and parse it later (ad account, token, level, columns, granularity, format, layout, dates),
    /// its last known status, and - once finished - its size. Immutable: status checks return a new
    /// instance. The download link is a credential (pre-signed) and is never shown.
    /// </summary>
    public class ReportJob : Engine.Formatting.ExportableObject
    {
        internal ReportJob(PinterestSession? session, string adAccountId, string token, ReportJobKind kind, string status,
            ReportFormat format, DateTimeOffset createdTime)
        {
            Session = session;
            AdAccountId = adAccountId;
            Token = token;
            Kind = kind;
            Status = status;
            Format = format;
            CreatedTime = createdTime;
        }

        public string AdAccountId { get; }

        /// <summary>The report token (<c>GET /reports?token=</c>), or the bulk request id for bulk downloads.</summary>
        public string Token { get; }

        public ReportJobKind Kind { get; }

        /// <summary>IN_PROGRESS, FINISHED, FAILED, EXPIRED, CANCELLED, DOES_NOT_EXIST; bulk: RUNNING, SUCCEEDED, FAILED.</summary>
        public string Status { get; private set; }

        /// <summary>The reporting level in the API's spelling (CAMPAIGN_TARGETING); null for bulk downloads and unknown templates.</summary>
        public string? Level { get; internal set; }

        public DateTime? StartDate { get; internal set; }

        public DateTime? EndDate { get; internal set; }

        /// <summary>TOTAL, DAY, HOUR, WEEK or MONTH.</summary>
        public string? Granularity { get; internal set; }

        public ReportFormat Format { get; private set; }

        /// <summary>
        /// The format is a guess (a job made from its token alone): the file's first bytes decide, JSON or CSV,
        /// when it is read.
        /// </summary>
        internal bool FormatFromContent { get; set; }

        /// <summary>The columns requested, in the order rows present them.</summary>
        public IReadOnlyList<string> Columns { get; internal set; } = Array.Empty<string>();

        /// <summary>JSON layout: BY_ID (keyed by entity id) or BY_DATE.</summary>
        public ReportSort PrimarySort { get; internal set; }

        public string? TemplateId { get; internal set; }

        /// <summary>Bulk downloads: the entity types requested.</summary>
        public IReadOnlyList<string> EntityTypes { get; internal set; } = Array.Empty<string>();

        /// <summary>When one request was split into several reports: this job's number (1-based) and how many there are.</summary>
        public int Part { get; internal set; } = 1;

        public int PartCount { get; internal set; } = 1;

        public DateTimeOffset CreatedTime { get; }

        /// <summary>When the module first saw the job finished.</summary>
        public DateTimeOffset? FinishedTime { get; private set; }

        /// <summary>The size of the report file in bytes, as Pinterest states it (FINISHED only).</summary>
        public long? Size { get; private set; }

        /// <summary>Pinterest's message when the report was created, if any.</summary>
        public string? Message { get; internal set; }

        public bool IsFinished => ReportStatuses.IsSuccess(Status);

        /// <summary>The status will not change any more.</summary>
        public bool IsFinal => ReportStatuses.IsFinal(Status);

        /// <summary>Whether a download link is at hand (the link itself is a credential and is never shown).</summary>
        public bool HasDownloadLink => DownloadUrl != null;

        /// <summary>The pre-signed link; valid for <see cref="ApiLimits.ReportLinkLifetime"/> after <see cref="DownloadUrlReceivedAt"/>.</summary>
        internal Uri? DownloadUrl { get; private set; }

        internal DateTimeOffset? DownloadUrlReceivedAt { get; private set; }

        /// <summary>Targeting types asked for (targeting levels); they become columns of the rows.</summary>
        internal IReadOnlyList<string> TargetingTypes { get; set; } = Array.Empty<string>();

        /// <summary>The session that created the job (not serialized; a job read back from disk uses the default session).</summary>
        [NonSerialized]
        private PinterestSession? _session;

        internal PinterestSession? Session
        {
            get => _session;
            private set => _session = value;
        }

        /// <summary>A copy with a new status as Pinterest just stated it.</summary>
        internal ReportJob WithStatus(string status, Uri? url, long? size, DateTimeOffset now)
        {
            var copy = (ReportJob)MemberwiseClone();
            copy.Status = status;
            copy.DownloadUrl = url;
            copy.DownloadUrlReceivedAt = url != null ? now : (DateTimeOffset?)null;
            copy.Size = size ?? (ReportStatuses.IsSuccess(status) ? Size : null);
            if (ReportStatuses.IsSuccess(status) && FinishedTime == null) copy.FinishedTime = now;
            return copy;
        }

        /// <summary>A copy whose format is known now (read from the file's content).</summary>
        internal ReportJob WithFormat(ReportFormat format)
        {
            var copy = (ReportJob)MemberwiseClone();
            copy.Format = format;
            copy.FormatFromContent = false;
            return copy;
        }

        /// <summary>The clock of the job's session (the system's for a job without one): timestamps and link freshness.</summary>
        internal TimeProvider Clock => Session?.Time ?? TimeProvider.System;

        /// <summary>Whether the job still has a session to poll and download with (not one read back from disk, nor a disconnected one).</summary>
        internal bool HasLiveSession => Session != null && !Session.IsDisposed;

        /// <summary>A copy bound to another session (a job re-created from its token).</summary>
        internal ReportJob WithSession(PinterestSession session)
        {
            var copy = (ReportJob)MemberwiseClone();
            copy.Session = session;
            return copy;
        }

        /// <summary>Whether the link is still safely inside its lifetime (with a margin for the request).</summary>
        internal bool HasFreshLink(DateTimeOffset now, TimeSpan margin) =>
            DownloadUrl != null && DownloadUrlReceivedAt.HasValue && now - DownloadUrlReceivedAt.Value < ApiLimits.ReportLinkLifetime - margin;

        /// <summary>How the job names itself in messages: kind, token and (when split) the part.</summary>
        internal string Describe() =>
            (Kind == ReportJobKind.Bulk ? "bulk download " : "report ") + Token + (PartCount > 1 ? $" (part {Part} of {PartCount})" : "");

        public override string ToString() =>
            $"{Kind} {Token} {Status}" + (Level != null ? $" {Level}" : "") +
            (StartDate.HasValue ? $" {ApiDates.Format(StartDate.Value)}..{ApiDates.Format(EndDate ?? StartDate.Value)}" : "");
    }
}
