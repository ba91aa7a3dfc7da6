// The icons Ruta shows: Material Symbols (outlined, weight 400) as SVG, bundled into the JS so the first load carries
// a few kilobytes of icons instead of the 3.9 MiB font. A template names one through `<mat-icon svgIcon="…" />` or
// `[svgIcon]` with a `RutaIcon`; icons.spec.ts fails on a name that is missing here or on a ligature `<mat-icon>`.
import accountBalance from '@material-symbols/svg-400/outlined/account_balance.svg';
import accountCircle from '@material-symbols/svg-400/outlined/account_circle.svg';
import accountTree from '@material-symbols/svg-400/outlined/account_tree.svg';
import add from '@material-symbols/svg-400/outlined/add.svg';
import arrowBack from '@material-symbols/svg-400/outlined/arrow_back.svg';
import arrowForward from '@material-symbols/svg-400/outlined/arrow_forward.svg';
import assignment from '@material-symbols/svg-400/outlined/assignment.svg';
import attachFile from '@material-symbols/svg-400/outlined/attach_file.svg';
import badge from '@material-symbols/svg-400/outlined/badge.svg';
import barChart from '@material-symbols/svg-400/outlined/bar_chart.svg';
import block from '@material-symbols/svg-400/outlined/block.svg';
import bookmarkAdd from '@material-symbols/svg-400/outlined/bookmark_add.svg';
import calendarMonth from '@material-symbols/svg-400/outlined/calendar_month.svg';
import callIcon from '@material-symbols/svg-400/outlined/call.svg';
import cancel from '@material-symbols/svg-400/outlined/cancel.svg';
import checkIcon from '@material-symbols/svg-400/outlined/check.svg';
import checkCircle from '@material-symbols/svg-400/outlined/check_circle.svg';
import childCare from '@material-symbols/svg-400/outlined/child_care.svg';
import closeIcon from '@material-symbols/svg-400/outlined/close.svg';
import contentCopy from '@material-symbols/svg-400/outlined/content_copy.svg';
import deleteIcon from '@material-symbols/svg-400/outlined/delete.svg';
import deleteSweep from '@material-symbols/svg-400/outlined/delete_sweep.svg';
import description from '@material-symbols/svg-400/outlined/description.svg';
import download from '@material-symbols/svg-400/outlined/download.svg';
import edit from '@material-symbols/svg-400/outlined/edit.svg';
import error from '@material-symbols/svg-400/outlined/error.svg';
import eventIcon from '@material-symbols/svg-400/outlined/event.svg';
import exploreOff from '@material-symbols/svg-400/outlined/explore_off.svg';
import filterList from '@material-symbols/svg-400/outlined/filter_list.svg';
import folderShared from '@material-symbols/svg-400/outlined/folder_shared.svg';
import gavel from '@material-symbols/svg-400/outlined/gavel.svg';
import group from '@material-symbols/svg-400/outlined/group.svg';
import history from '@material-symbols/svg-400/outlined/history.svg';
import home from '@material-symbols/svg-400/outlined/home.svg';
import homeWork from '@material-symbols/svg-400/outlined/home_work.svg';
import hub from '@material-symbols/svg-400/outlined/hub.svg';
import image from '@material-symbols/svg-400/outlined/image.svg';
import keyboard from '@material-symbols/svg-400/outlined/keyboard.svg';
import link from '@material-symbols/svg-400/outlined/link.svg';
import linkOff from '@material-symbols/svg-400/outlined/link_off.svg';
import lock from '@material-symbols/svg-400/outlined/lock.svg';
import lockReset from '@material-symbols/svg-400/outlined/lock_reset.svg';
import logout from '@material-symbols/svg-400/outlined/logout.svg';
import medicalServices from '@material-symbols/svg-400/outlined/medical_services.svg';
import menu from '@material-symbols/svg-400/outlined/menu.svg';
import monitorHeart from '@material-symbols/svg-400/outlined/monitor_heart.svg';
import noteAdd from '@material-symbols/svg-400/outlined/note_add.svg';
import notifications from '@material-symbols/svg-400/outlined/notifications.svg';
import password from '@material-symbols/svg-400/outlined/password.svg';
import person from '@material-symbols/svg-400/outlined/person.svg';
import personAdd from '@material-symbols/svg-400/outlined/person_add.svg';
import personRemove from '@material-symbols/svg-400/outlined/person_remove.svg';
import personSearch from '@material-symbols/svg-400/outlined/person_search.svg';
import phoneInTalk from '@material-symbols/svg-400/outlined/phone_in_talk.svg';
import pictureAsPdf from '@material-symbols/svg-400/outlined/picture_as_pdf.svg';
import playlistAddCheck from '@material-symbols/svg-400/outlined/playlist_add_check.svg';
import policy from '@material-symbols/svg-400/outlined/policy.svg';
import priorityHigh from '@material-symbols/svg-400/outlined/priority_high.svg';
import refresh from '@material-symbols/svg-400/outlined/refresh.svg';
import save from '@material-symbols/svg-400/outlined/save.svg';
import scheduleIcon from '@material-symbols/svg-400/outlined/schedule.svg';
import scheduleSend from '@material-symbols/svg-400/outlined/schedule_send.svg';
import search from '@material-symbols/svg-400/outlined/search.svg';
import shield from '@material-symbols/svg-400/outlined/shield.svg';
import stickyNote2 from '@material-symbols/svg-400/outlined/sticky_note_2.svg';
import supportAgent from '@material-symbols/svg-400/outlined/support_agent.svg';
import swapHoriz from '@material-symbols/svg-400/outlined/swap_horiz.svg';
import syncProblem from '@material-symbols/svg-400/outlined/sync_problem.svg';
import tableView from '@material-symbols/svg-400/outlined/table_view.svg';
import taskAlt from '@material-symbols/svg-400/outlined/task_alt.svg';
import thumbDown from '@material-symbols/svg-400/outlined/thumb_down.svg';
import thumbUp from '@material-symbols/svg-400/outlined/thumb_up.svg';
import timer from '@material-symbols/svg-400/outlined/timer.svg';
import toggleOff from '@material-symbols/svg-400/outlined/toggle_off.svg';
import toggleOn from '@material-symbols/svg-400/outlined/toggle_on.svg';
import translate from '@material-symbols/svg-400/outlined/translate.svg';
import undoIcon from '@material-symbols/svg-400/outlined/undo.svg';
import upload from '@material-symbols/svg-400/outlined/upload.svg';
import uploadFile from '@material-symbols/svg-400/outlined/upload_file.svg';
import verified from '@material-symbols/svg-400/outlined/verified.svg';
import visibilityOff from '@material-symbols/svg-400/outlined/visibility_off.svg';
import volunteerActivism from '@material-symbols/svg-400/outlined/volunteer_activism.svg';
import warning from '@material-symbols/svg-400/outlined/warning.svg';

/** Name → SVG markup. Adding an icon: one import and one entry. */
export const RUTA_ICONS = {
  account_balance: accountBalance,
  account_circle: accountCircle,
  account_tree: accountTree,
  add,
  arrow_back: arrowBack,
  arrow_forward: arrowForward,
  assignment,
  attach_file: attachFile,
  badge,
  bar_chart: barChart,
  block,
  bookmark_add: bookmarkAdd,
  calendar_month: calendarMonth,
  call: callIcon,
  cancel,
  check: checkIcon,
  check_circle: checkCircle,
  child_care: childCare,
  close: closeIcon,
  content_copy: contentCopy,
  delete: deleteIcon,
  delete_sweep: deleteSweep,
  description,
  download,
  edit,
  error,
  event: eventIcon,
  explore_off: exploreOff,
  filter_list: filterList,
  folder_shared: folderShared,
  gavel,
  group,
  history,
  home,
  home_work: homeWork,
  hub,
  image,
  keyboard,
  link,
  link_off: linkOff,
  lock,
  lock_reset: lockReset,
  logout,
  medical_services: medicalServices,
  menu,
  monitor_heart: monitorHeart,
  note_add: noteAdd,
  notifications,
  password,
  person,
  person_add: personAdd,
  person_remove: personRemove,
  person_search: personSearch,
  phone_in_talk: phoneInTalk,
  picture_as_pdf: pictureAsPdf,
  playlist_add_check: playlistAddCheck,
  policy,
  priority_high: priorityHigh,
  refresh,
  restore: history,
  save,
  schedule: scheduleIcon,
  schedule_send: scheduleSend,
  search,
  shield,
  sticky_note_2: stickyNote2,
  support_agent: supportAgent,
  swap_horiz: swapHoriz,
  sync_problem: syncProblem,
  table_view: tableView,
  task_alt: taskAlt,
  thumb_down: thumbDown,
  thumb_up: thumbUp,
  timer,
  toggle_off: toggleOff,
  toggle_on: toggleOn,
  translate,
  undo: undoIcon,
  upload,
  upload_file: uploadFile,
  verified,
  visibility_off: visibilityOff,
  volunteer_activism: volunteerActivism,
  warning,
} as const satisfies Record<string, string>;

export type RutaIcon = keyof typeof RUTA_ICONS;
