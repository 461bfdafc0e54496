using System;

namespace PinterestAds
{
    /// <summary>
    /// The one rule of which failures end a whole command and which end only the item (call, account,
    /// job) they happened to. A command's items share the session and its limits, so once the token is
    /// refused, the user lacks the permission, the session is gone or a rate limit outlasts the retries,
    /// no further item can succeed: the command stops with a terminating error. Anything else (a timeout,
    /// a server error, a bad answer) is one failed item: a non-terminating error, and the rest go on.
    /// </summary>
    public static class FailureScope
    {
        public static bool EndsCommand(Exception error) =>
            error is PinterestException p && (p.Kind == PinErrorKind.AuthenticationFailed || p.Kind == PinErrorKind.PermissionDenied
                || p.Kind == PinErrorKind.NotConnected || p.Kind == PinErrorKind.LimitsExceeded);
    }
}
