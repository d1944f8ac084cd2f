package dev.tiketi.queue.admission;

import java.util.List;

/** Told right after a tick on this instance admitted users, e.g. to push the news down their streams. */
public interface AdmissionListener {

    void admitted(List<Admitted> admitted);
}
