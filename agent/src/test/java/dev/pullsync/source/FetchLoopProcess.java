package dev.pullsync.source;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for {@link RecoversAfterKillDuringFetchTest}: fetches one repository into a work
 * folder over and over, as a long-running agent does, until it is killed.
 */
public final class FetchLoopProcess {
  public static void main(String[] args) {
    SourceOptions options = SourceOptions.local(args[0], "main", "").withWorkDir(Path.of(args[1]));
    try (GitSource source = new GitSource(options, Clock.systemUTC())) {
      for (int i = 1; ; i++) {
        Snapshot snapshot = source.fetch();
        System.out.println("fetched " + i + " " + snapshot.commit());
      }
    }
  }
}
