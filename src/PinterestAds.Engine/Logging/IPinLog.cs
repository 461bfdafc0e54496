namespace PinterestAds.Engine.Logging
{
    /// <summary>
    /// Where the engine reports what it does. The cmdlet layer implements it by queuing messages
    /// for the pipeline thread (PowerShell's Write* methods must not be called from other threads).
    /// Messages must already be redacted.
    /// </summary>
    internal interface IPinLog
    {
        bool IsVerboseEnabled { get; }
        bool IsDebugEnabled { get; }
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    /// <summary>A log that discards everything (engine tests, background work nobody watches).</summary>
    internal sealed class NullPinLog : IPinLog
    {
        public static readonly NullPinLog Instance = new NullPinLog();

        public bool IsVerboseEnabled => false;
        public bool IsDebugEnabled => false;
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
