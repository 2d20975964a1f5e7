import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { onConsentRequired, type Role } from './api.ts';
import { useAuth } from './auth.tsx';
import { ConsentPrompt } from './ConsentPrompt.tsx';
import { LanguageSelect, Loading } from './components.tsx';
import { UndoToast } from './cycle/undo.tsx';
import { type Key, useI18n } from './i18n/index.tsx';
import { LockScreen } from './lock/LockScreen.tsx';
import { QuickExit } from './lock/QuickExit.tsx';
import { useAppLock, useAppName } from './lock/use-app-lock.ts';
import { OfflineBanner } from './offline/OfflineStatus.tsx';
import { RegisterPage, SignInPage } from './pages/Auth.tsx';
import { HomePage } from './pages/Home.tsx';
import { LandingPage } from './pages/Landing.tsx';

// Pages other than home, sign-in and landing load on first visit: the first screen on 3G comes sooner.
const CalendarPage = lazy(() => import('./pages/Calendar.tsx').then((m) => ({ default: m.CalendarPage })));
const DayLogPage = lazy(() => import('./pages/DayLog.tsx').then((m) => ({ default: m.DayLogPage })));
const HowPage = lazy(() => import('./pages/How.tsx').then((m) => ({ default: m.HowPage })));
const HelpPage = lazy(() => import('./pages/Help.tsx').then((m) => ({ default: m.HelpPage })));
const PeriodPage = lazy(() => import('./pages/Period.tsx').then((m) => ({ default: m.PeriodPage })));
const PeriodEditPage = lazy(() =>
  import('./cycle/PeriodEdit.tsx').then((m) => ({ default: m.PeriodEditPage })),
);
const RecoverPage = lazy(() => import('./pages/Recover.tsx').then((m) => ({ default: m.RecoverPage })));
const ParentConsentPage = lazy(() =>
  import('./pages/ParentConsent.tsx').then((m) => ({ default: m.ParentConsentPage })),
);
const GuardianRecoveryPage = lazy(() =>
  import('./pages/GuardianRecovery.tsx').then((m) => ({ default: m.GuardianRecoveryPage })),
);
const PoliciesPage = lazy(() => import('./pages/Policies.tsx').then((m) => ({ default: m.PoliciesPage })));
const SettingsPage = lazy(() => import('./pages/Settings.tsx').then((m) => ({ default: m.SettingsPage })));
const StatsPage = lazy(() => import('./pages/Stats.tsx').then((m) => ({ default: m.StatsPage })));
const UssdPage = lazy(() => import('./pages/Ussd.tsx').then((m) => ({ default: m.UssdPage })));
// The care network: her people, a parent's daughters, health workers, visits, the admin's checks.
const PeoplePage = lazy(() => import('./care/People.tsx').then((m) => ({ default: m.PeoplePage })));
const ChildPage = lazy(() => import('./care/Child.tsx').then((m) => ({ default: m.ChildPage })));
const DirectoryPage = lazy(() =>
  import('./visits/Directory.tsx').then((m) => ({ default: m.DirectoryPage })),
);
const BookPage = lazy(() => import('./visits/Book.tsx').then((m) => ({ default: m.BookPage })));
const AppointmentsPage = lazy(() =>
  import('./visits/Appointments.tsx').then((m) => ({ default: m.AppointmentsPage })),
);
const MovePage = lazy(() => import('./visits/Move.tsx').then((m) => ({ default: m.MovePage })));
const ProviderDayPage = lazy(() =>
  import('./visits/ProviderDay.tsx').then((m) => ({ default: m.ProviderDayPage })),
);
const AvailabilityPage = lazy(() =>
  import('./visits/Availability.tsx').then((m) => ({ default: m.AvailabilityPage })),
);
const ProviderProfilePage = lazy(() =>
  import('./visits/ProviderProfile.tsx').then((m) => ({ default: m.ProviderProfilePage })),
);
const ProviderRegisterPage = lazy(() =>
  import('./visits/ProviderRegister.tsx').then((m) => ({ default: m.ProviderRegisterPage })),
);
const LibraryPage = lazy(() => import('./library/Library.tsx').then((m) => ({ default: m.LibraryPage })));
const ArticlePage = lazy(() => import('./library/Article.tsx').then((m) => ({ default: m.ArticlePage })));
const AdminProvidersPage = lazy(() =>
  import('./visits/AdminProviders.tsx').then((m) => ({ default: m.AdminProvidersPage })),
);

function LanguageSwitcher() {
  const { changeLanguage } = useAuth();
  return <LanguageSelect id="language-switcher" onChange={changeLanguage} />;
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  // "/provider" is not current on "/provider/availability", which has a link of its own.
  const current =
    location === href || (href !== '/' && href !== '/provider' && location.startsWith(`${href}/`));
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The header's pages for each role, after Home. */
const ROLE_LINKS: Record<Role, [string, Key][]> = {
  adolescent: [
    ['/calendar', 'web.nav.calendar'],
    ['/stats', 'web.nav.stats'],
    ['/people', 'care.nav'],
    ['/appointments', 'visit.nav_mine'],
    ['/library', 'library.nav'],
  ],
  parent: [
    ['/people', 'care.nav_adult'],
    ['/providers', 'visit.nav'],
    ['/library', 'library.nav'],
  ],
  provider: [
    ['/provider', 'provider.nav.day'],
    ['/provider/availability', 'provider.nav.hours'],
    ['/provider/profile', 'provider.nav.profile'],
  ],
  writer: [['/library', 'library.nav']],
  admin: [['/admin/providers', 'admin.nav.providers']],
};

function Header() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const [, navigate] = useLocation();
  const name = useAppName();
  return (
    <header className="site-header">
      <div className="bar">
        <Link href={user ? '/home' : '/'} className="brand">
          {name}
        </Link>
        <LanguageSwitcher />
        {user && <QuickExit />}
      </div>
      <nav aria-label={t('web.nav.label')}>
        <ul className="nav-list">
          {user ? (
            <>
              <li>
                <NavLink href="/home">{t('web.nav.home')}</NavLink>
              </li>
              {ROLE_LINKS[user.role].map(([href, label]) => (
                <li key={href}>
                  <NavLink href={href}>{t(label)}</NavLink>
                </li>
              ))}
              <li>
                <NavLink href="/settings">{t('web.nav.settings')}</NavLink>
              </li>
              <li>
                <NavLink href="/help">{t('help.nav')}</NavLink>
              </li>
              <li>
                <button
                  type="button"
                  className="link"
                  onClick={() => void signOut().finally(() => navigate('/signin'))}
                >
                  {t('web.nav.signout')}
                </button>
              </li>
            </>
          ) : (
            <>
              <li>
                <NavLink href="/signin">{t('web.nav.signin')}</NavLink>
              </li>
              <li>
                <NavLink href="/register">{t('web.nav.register')}</NavLink>
              </li>
              <li>
                <NavLink href="/library">{t('library.nav')}</NavLink>
              </li>
              <li>
                <NavLink href="/help">{t('help.nav')}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

/**
 * A page for signed-in people; with `roles`, only for those roles (the API would refuse the others
 * anyway): anyone else goes home rather than to a page of errors.
 */
function Private({ children, roles }: { children: ReactNode; roles?: readonly Role[] }) {
  const { user, restoring } = useAuth();
  if (user) return !roles || roles.includes(user.role) ? children : <Redirect to="/home" />;
  // A reload or a bookmarked page: wait for the refresh cookie before deciding she is signed out.
  return restoring ? <Loading /> : <Redirect to="/signin" />;
}

// Who each care-network page is for, as the API's routes allow them.
const LINKED: readonly Role[] = ['adolescent', 'parent'];
const PARENT: readonly Role[] = ['parent'];
const HER: readonly Role[] = ['adolescent'];
const PROVIDER: readonly Role[] = ['provider'];
const HER_OR_PROVIDER: readonly Role[] = ['adolescent', 'provider'];
const ADMIN: readonly Role[] = ['admin'];

export function App() {
  const { t } = useI18n();
  const { user, recover, setUser } = useAuth();
  const [consentNeeded, setConsentNeeded] = useState(false);
  const [location] = useLocation();

  useEffect(() => onConsentRequired(() => setConsentNeeded(true)), []);
  // Move focus to the new page's heading, as a full page load would for screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must run on every navigation.
  useEffect(() => {
    // A page that is still loading has no heading yet: look again for a moment.
    let tries = 0;
    const timer = setInterval(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading || ++tries > 40) clearInterval(timer);
      heading?.focus();
    }, 50);
    return () => clearInterval(timer);
  }, [location]);
  const { locked } = useAppLock(user);
  if (locked) return <LockScreen />;

  return (
    <>
      <a className="skip" href="#main">
        {t('web.skip')}
      </a>
      <Header />
      <main id="main">
        {consentNeeded && user && <ConsentPrompt onDone={() => setConsentNeeded(false)} />}
        <OfflineBanner />
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/">{user ? <Redirect to="/home" /> : <LandingPage />}</Route>
            <Route path="/signin">{user ? <Redirect to="/home" /> : <SignInPage />}</Route>
            <Route path="/register">{user ? <Redirect to="/home" /> : <RegisterPage />}</Route>
            <Route path="/recover">
              {user ? <Redirect to="/home" /> : <RecoverPage recover={recover} />}
            </Route>
            <Route path="/policies" component={PoliciesPage} />
            <Route path="/how-predictions-work" component={HowPage} />
            <Route path="/help" component={HelpPage} />
            <Route path="/library" component={LibraryPage} />
            <Route path="/library/:slug">{(params) => <ArticlePage slug={params.slug} />}</Route>
            <Route path="/ussd-simulator" component={UssdPage} />
            <Route path="/home">
              <Private>
                <HomePage />
              </Private>
            </Route>
            <Route path="/calendar">
              <Private roles={HER}>
                <CalendarPage />
              </Private>
            </Route>
            <Route path="/calendar/:month">
              {(params) => (
                <Private roles={HER}>
                  <CalendarPage month={params.month} />
                </Private>
              )}
            </Route>
            <Route path="/day/:date">
              {(params) => (
                <Private roles={HER}>
                  <DayLogPage date={params.date} />
                </Private>
              )}
            </Route>
            <Route path="/period">
              <Private roles={HER}>
                <PeriodPage />
              </Private>
            </Route>
            <Route path="/period/:id">
              {(params) => (
                <Private roles={HER}>
                  <PeriodEditPage id={params.id} />
                </Private>
              )}
            </Route>
            <Route path="/stats">
              <Private roles={HER}>
                <StatsPage />
              </Private>
            </Route>
            <Route path="/parent-consent">
              <Private>
                <ParentConsentPage />
              </Private>
            </Route>
            <Route path="/guardian-recovery">
              <Private>
                <GuardianRecoveryPage />
              </Private>
            </Route>
            <Route path="/settings">
              <Private>
                <SettingsPage />
              </Private>
            </Route>
            <Route path="/people">
              <Private roles={LINKED}>
                <PeoplePage />
              </Private>
            </Route>
            <Route path="/children/:id">
              {(params) => (
                <Private roles={PARENT}>
                  <ChildPage id={params.id} />
                </Private>
              )}
            </Route>
            <Route path="/providers">
              <Private roles={LINKED}>
                <DirectoryPage />
              </Private>
            </Route>
            <Route path="/providers/:id">
              {(params) => (
                <Private roles={LINKED}>
                  <BookPage id={params.id} />
                </Private>
              )}
            </Route>
            <Route path="/appointments">
              <Private roles={HER}>
                <AppointmentsPage />
              </Private>
            </Route>
            <Route path="/appointments/:id/move">
              {(params) => (
                <Private roles={HER_OR_PROVIDER}>
                  <MovePage id={params.id} />
                </Private>
              )}
            </Route>
            <Route path="/provider/register">
              {user ? <Redirect to="/home" /> : <ProviderRegisterPage setUser={setUser} />}
            </Route>
            <Route path="/provider">
              <Private roles={PROVIDER}>
                <ProviderDayPage />
              </Private>
            </Route>
            <Route path="/provider/availability">
              <Private roles={PROVIDER}>
                <AvailabilityPage />
              </Private>
            </Route>
            <Route path="/provider/profile">
              <Private roles={PROVIDER}>
                <ProviderProfilePage />
              </Private>
            </Route>
            <Route path="/admin/providers">
              <Private roles={ADMIN}>
                <AdminProvidersPage />
              </Private>
            </Route>
            <Route>
              <h1 tabIndex={-1}>404</h1>
              <p>
                <Link href="/">{t('web.nav.home')}</Link>
              </p>
            </Route>
          </Switch>
        </Suspense>
        <UndoToast />
      </main>
      <footer className="site-footer">
        <p>{t('web.footer')}</p>
        <ul>
          <li>
            <Link href="/how-predictions-work">{t('web.nav.how')}</Link>
          </li>
          <li>
            <Link href="/policies">{t('policies.title')}</Link>
          </li>
          <li>
            <Link href="/help">{t('help.nav')}</Link>
          </li>
          {!user && (
            <li>
              <Link href="/provider/register">{t('provider.register_link')}</Link>
            </li>
          )}
        </ul>
      </footer>
    </>
  );
}
