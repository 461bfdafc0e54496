using System;

namespace PinterestAds.Engine.Reports
{
    /// <summary>One report of a (possibly split) request: its body and what the job must remember about it.</summary>
    internal sealed class ReportCall
    {
        public ReportCall(byte[] body, DateTime startDate, DateTime endDate, int part, int partCount)
        {
            Body = body;
            StartDate = startDate;
            EndDate = endDate;
            Part = part;
            PartCount = partCount;
        }

        /// <summary>The <c>AdsAnalyticsCreateAsyncRequest</c> JSON, UTF-8.</summary>
        public byte[] Body { get; }
        public DateTime StartDate { get; }
        public DateTime EndDate { get; }
        public int Part { get; }
        public int PartCount { get; }
    }
}
