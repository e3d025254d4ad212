// expect: RE|MLE|TLE
// Starts 10,000 sleeping threads; the task cap must stop it (all of them starting is a wrong answer).
public class Main {
    public static void main(String[] args) {
        for (int i = 0; i < 10000; i++) {
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // Daemon threads, so that a failed start ends the program instead of waiting on the sleepers.
            sleeper.setDaemon(true);
            try {
                sleeper.start();
            } catch (Throwable failure) {
                System.err.println("thread " + i + " not created: " + failure);
                System.exit(1);
            }
        }
    }
}
