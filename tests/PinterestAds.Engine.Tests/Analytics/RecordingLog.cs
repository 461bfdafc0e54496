using System.Collections.Concurrent;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Tests.Analytics;

/// <summary>An engine log that keeps what it is told, for assertions.</summary>
internal sealed class RecordingLog : IPinLog
{
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<string> VerboseMessages { get; } = new();
    public bool IsVerboseEnabled => true;
    public bool IsDebugEnabled => false;
    public void Verbose(string message) => VerboseMessages.Enqueue(message);
    public void Debug(string message) { }
    public void Warning(string message) => Warnings.Enqueue(message);
}
