package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;

import java.util.Locale;

/** What reading a market-data file does with a bad data row (CLI {@code --on-bad-row}). */
public enum BadRowPolicy
{
    /** The first bad row stops the read with {@code FILE:LINE: reason}; nothing is written. The default. */
    FAIL("fail"),
    /** Bad rows are left out and counted; the header, the file's encoding and JSON syntax still fail. */
    SKIP("skip");

    private final String cliName;

    BadRowPolicy(final String cliName)
    {
        this.cliName = cliName;
    }

    /** The policy's name on the command line ({@code --on-bad-row}). */
    public String cliName()
    {
        return cliName;
    }

    /**
     * The policy with this CLI name, ignoring case.
     *
     * @throws UserError naming the valid names if there is none.
     */
    public static BadRowPolicy fromName(final String name)
    {
        final String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (final BadRowPolicy policy : values())
        {
            if (policy.cliName.equals(wanted))
            {
                return policy;
            }
        }
        throw new UserError("unknown --on-bad-row '" + name + "'; expected fail or skip");
    }
}
